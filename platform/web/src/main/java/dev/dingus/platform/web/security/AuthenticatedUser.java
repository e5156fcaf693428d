package dev.dingus.platform.web.security;

import java.util.UUID;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The caller of a request, taken from a validated access token only: {@code sub} is the user id,
 * {@code sid} the session. Declare it as a controller parameter to receive it.
 */
public record AuthenticatedUser(UUID id, String username, String sessionId) {

    public static AuthenticatedUser from(Jwt jwt) {
        return new AuthenticatedUser(UUID.fromString(jwt.getSubject()), jwt.getClaimAsString("username"),
                jwt.getClaimAsString("sid"));
    }
}
