package dev.dingus.auth.tokens.internal;

import dev.dingus.auth.tokens.SigningKeys;
import dev.dingus.platform.web.config.DingusProperties;
import dev.dingus.platform.web.security.AccessTokenValidators;
import dev.dingus.platform.web.security.RevokedSessionValidator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Replaces the platform's JWKS-over-HTTP decoder: auth-service verifies with its own key store, with the same
 * checks as every other service (RS256, then {@link AccessTokenValidators}: issuer, expiry with the platform's
 * clock skew, revoked sessions).
 */
@Configuration(proxyBeanMethods = false)
class TokenSecurityConfiguration {

    @Bean
    JwtDecoder jwtDecoder(SigningKeys keys, DingusProperties props, RevokedSessionValidator revokedSessions) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(new SigningKeysJwkSource(keys))
                .jwsAlgorithm(SignatureAlgorithm.RS256).build();
        decoder.setJwtValidator(AccessTokenValidators.forDingus(props.security().issuer(), revokedSessions));
        return decoder;
    }
}
