package dev.dingus.gateway.security;

import dev.dingus.contracts.security.VerifiedTokens;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Checks each distinct access token's signature once ({@link VerifiedTokens}); every later use of the same token
 * runs the claim validators again (issuer, required claims, lifetime), and the revocation check around this
 * decoder runs on every request as before, so nothing that can change is cached.
 */
final class VerifiedTokenDecoder implements ReactiveJwtDecoder {
    private final ReactiveJwtDecoder verifier;
    private final OAuth2TokenValidator<Jwt> validator;
    private final VerifiedTokens<Jwt> verified = new VerifiedTokens<>();

    /** {@code verifier} checks signature and claims; {@code validator} is its claim check, repeated on each reuse. */
    VerifiedTokenDecoder(ReactiveJwtDecoder verifier, OAuth2TokenValidator<Jwt> validator) {
        this.verifier = verifier;
        this.validator = validator;
    }

    @Override
    public Mono<Jwt> decode(String token) {
        VerifiedTokens.Key key = VerifiedTokens.key(token);
        Jwt jwt = verified.get(key);
        if (jwt == null) {
            return verifier.decode(token).doOnNext(decoded -> verified.put(key, decoded));
        }
        OAuth2TokenValidatorResult result = validator.validate(jwt);
        if (result.hasErrors()) {
            verified.forget(key, jwt);
            String description = result.getErrors().stream().map(OAuth2Error::getDescription)
                    .filter(d -> d != null && !d.isEmpty()).findFirst().orElse("Unable to validate Jwt");
            return Mono.error(new JwtValidationException(description, result.getErrors()));
        }
        return Mono.just(jwt);
    }
}
