package dev.dingus.auth.oidc.internal;

import dev.dingus.auth.oidc.ExternalIdentity;
import dev.dingus.auth.oidc.OidcErrors;
import dev.dingus.auth.oidc.OidcProperties;
import dev.dingus.platform.web.errors.ApiException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.stereotype.Component;

/**
 * Verifies id tokens with Spring Security's {@link NimbusJwtDecoder}: keys from the issuer's discovery document
 * ({@code /.well-known/openid-configuration} → {@code jwks_uri}, fetched on first use and cached with the JWKS),
 * then signature, {@code iss}, {@code exp}/{@code nbf} and an {@code aud} containing our client id.
 */
@Component
public class IdTokenVerifier {
    private static final Logger log = LoggerFactory.getLogger(IdTokenVerifier.class);

    private final Map<String, JwtDecoder> decoders = new ConcurrentHashMap<>();

    public ExternalIdentity verify(String name, OidcProperties.Provider provider, String idToken) {
        Jwt jwt;
        try {
            jwt = decoders.computeIfAbsent(name, n -> decoderFor(provider)).decode(idToken);
        } catch (BadJwtException e) {
            // Wrong signature, issuer, audience, expired or not a JWT at all: the caller's fault.
            throw OidcErrors.invalidToken("signature, issuer, audience or expiry check failed");
        } catch (ApiException e) {
            throw e;
        } catch (RuntimeException e) {
            // Discovery or JWKS not reachable: ours (or the provider's) problem, not the caller's.
            log.warn("OIDC provider {} unavailable: {}", name, e.toString());
            throw OidcErrors.unavailable();
        }
        String subject = jwt.getSubject();
        if (subject == null || subject.isBlank()) {
            throw OidcErrors.invalidToken("the token names no subject");
        }
        return new ExternalIdentity(name, subject, jwt.getClaimAsString("email"), booleanClaim(jwt.getClaims().get("email_verified")),
                jwt.getClaimAsString("preferred_username"), jwt.getClaimAsString("name"), jwt.getClaimAsString("picture"));
    }

    private static JwtDecoder decoderFor(OidcProperties.Provider provider) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(provider.issuer()).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(provider.issuer()), new JwtAudienceValidator(provider.clientId())));
        return decoder;
    }

    /** Some providers send {@code "true"} as a string. */
    static Boolean booleanClaim(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            return Boolean.valueOf(s);
        }
        return null;
    }

}
