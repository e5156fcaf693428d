package dev.dingus.gateway.security;

import org.springframework.security.oauth2.jwt.BadJwtException;

/** The token is well signed but its session was revoked (logout, password change, refresh-token reuse). */
public class SessionRevokedException extends BadJwtException {
    public SessionRevokedException() {
        super("The session of this token has been revoked; sign in again.");
    }
}
