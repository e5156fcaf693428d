package dev.dingus.gateway.security;

import dev.dingus.contracts.errors.ErrorCodes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;

/**
 * What a Dingus access token must satisfy beyond its signature. Expiry carries its own error code so that the
 * answer can say {@code token_expired} (refresh) rather than {@code token_invalid} (sign in again).
 */
final class TokenValidators {
    private TokenValidators() {}

    static OAuth2TokenValidator<Jwt> forDingus(String issuer, Duration clockSkew, Clock clock) {
        return new DelegatingOAuth2TokenValidator<>(
                new JwtIssuerValidator(issuer), requiredClaims(), lifetime(clockSkew, clock));
    }

    static OAuth2TokenValidator<Jwt> requiredClaims() {
        return jwt -> {
            if (isBlank(jwt.getSubject()) || isBlank(jwt.getClaimAsString("sid")) || jwt.getExpiresAt() == null) {
                return OAuth2TokenValidatorResult.failure(
                        new OAuth2Error(ErrorCodes.TOKEN_INVALID, "The token lacks sub, sid or exp.", null));
            }
            return OAuth2TokenValidatorResult.success();
        };
    }

    static OAuth2TokenValidator<Jwt> lifetime(Duration clockSkew, Clock clock) {
        return jwt -> {
            Instant now = clock.instant();
            Instant expiresAt = jwt.getExpiresAt();
            if (expiresAt != null && now.minus(clockSkew).isAfter(expiresAt)) {
                return OAuth2TokenValidatorResult.failure(
                        new OAuth2Error(ErrorCodes.TOKEN_EXPIRED, "The access token has expired; refresh it.", null));
            }
            Instant notBefore = jwt.getNotBefore();
            if (notBefore != null && now.plus(clockSkew).isBefore(notBefore)) {
                return OAuth2TokenValidatorResult.failure(
                        new OAuth2Error(ErrorCodes.TOKEN_INVALID, "The token is not valid yet.", null));
            }
            return OAuth2TokenValidatorResult.success();
        };
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
