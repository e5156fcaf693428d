package dev.dingus.platform.web.security;

import dev.dingus.contracts.security.VerifiedTokens;
import java.util.Collection;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Checks each distinct access token's signature once ({@link VerifiedTokens}); every later use of the same token
 * runs the claim validators again (expiry, issuer, revoked session), so nothing that can change is cached.
 */
public final class VerifiedTokenCache implements JwtDecoder {
    private final JwtDecoder verifier;
    private final OAuth2TokenValidator<Jwt> validator;
    private final VerifiedTokens<Jwt> verified = new VerifiedTokens<>();

    /** {@code verifier} checks signature and claims; {@code validator} is its claim check, repeated on each reuse. */
    public VerifiedTokenCache(JwtDecoder verifier, OAuth2TokenValidator<Jwt> validator) {
        this.verifier = verifier;
        this.validator = validator;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        VerifiedTokens.Key key = VerifiedTokens.key(token);
        Jwt jwt = verified.get(key);
        if (jwt == null) {
            jwt = verifier.decode(token);
            verified.put(key, jwt);
            return jwt;
        }
        OAuth2TokenValidatorResult result = validator.validate(jwt);
        if (result.hasErrors()) {
            verified.forget(key, jwt);
            throw new JwtValidationException(message(result.getErrors()), result.getErrors());
        }
        return jwt;
    }

    /** Worded as {@code NimbusJwtDecoder} words it, so that a refused reuse reads like a refused first use. */
    static String message(Collection<OAuth2Error> errors) {
        for (OAuth2Error error : errors) {
            if (error.getDescription() != null && !error.getDescription().isEmpty()) {
                return "An error occurred while attempting to decode the Jwt: " + error.getDescription();
            }
        }
        return "Unable to validate Jwt";
    }
}
