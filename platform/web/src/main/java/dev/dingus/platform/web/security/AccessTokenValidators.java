package dev.dingus.platform.web.security;

import dev.dingus.contracts.security.AccessTokenLifetime;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;

/**
 * The claim checks of a Dingus access token in every servlet service, auth-service included: Spring Security's
 * defaults (type, certificate binding), the issuer, expiry with {@link AccessTokenLifetime#CLOCK_SKEW} (not Spring's
 * default 60 s, which outlived the revocations), and the revoked session.
 */
public final class AccessTokenValidators {
    private AccessTokenValidators() {}

    public static OAuth2TokenValidator<Jwt> forDingus(String issuer, RevokedSessionValidator revokedSessions) {
        return new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithValidators(new JwtIssuerValidator(issuer),
                        new JwtTimestampValidator(AccessTokenLifetime.CLOCK_SKEW)),
                revokedSessions);
    }
}
