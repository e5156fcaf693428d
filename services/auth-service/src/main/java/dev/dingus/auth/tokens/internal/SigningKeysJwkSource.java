package dev.dingus.auth.tokens.internal;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import dev.dingus.auth.tokens.SigningKeys;
import java.util.List;

/**
 * Verification keys straight from {@link SigningKeys}: this service checks its own tokens without fetching
 * its own JWKS over HTTP. An unknown key id triggers one re-read (another instance may have rotated).
 */
class SigningKeysJwkSource implements JWKSource<SecurityContext> {
    private final SigningKeys keys;

    SigningKeysJwkSource(SigningKeys keys) {
        this.keys = keys;
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) {
        List<JWK> found = selector.select(keys.publishedKeys());
        if (found.isEmpty() && keys.reloadForUnknownKey()) {
            found = selector.select(keys.publishedKeys());
        }
        return found;
    }
}
