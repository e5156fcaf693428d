package dev.dingus.platform.web.security;

import dev.dingus.contracts.errors.ErrorCodes;
import java.util.UUID;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/** Refuses access tokens whose session ({@code sid}) was revoked, and tokens without a session or a user id subject. */
public class RevokedSessionValidator implements OAuth2TokenValidator<Jwt> {
    private final RevokedSessions revoked;

    public RevokedSessionValidator(RevokedSessions revoked) {
        this.revoked = revoked;
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt jwt) {
        String sid = jwt.getClaimAsString("sid");
        if (sid == null || !isUuid(jwt.getSubject())) {
            return OAuth2TokenValidatorResult.failure(new OAuth2Error(ErrorCodes.TOKEN_INVALID, "The token has no session or subject.", null));
        }
        if (revoked.isRevoked(sid)) {
            return OAuth2TokenValidatorResult.failure(new OAuth2Error(ErrorCodes.SESSION_REVOKED, "The session has ended; sign in again.", null));
        }
        return OAuth2TokenValidatorResult.success();
    }

    private static boolean isUuid(String subject) {
        if (subject == null) {
            return false;
        }
        try {
            UUID.fromString(subject);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
