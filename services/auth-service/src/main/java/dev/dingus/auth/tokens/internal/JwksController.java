package dev.dingus.auth.tokens.internal;

import dev.dingus.auth.tokens.SigningKeys;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "tokens")
class JwksController {
    private final SigningKeys keys;

    JwksController(SigningKeys keys) {
        this.keys = keys;
    }

    @GetMapping(path = "/.well-known/jwks.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Public signing keys (JWKS)", description = "The key that signs access tokens now and recently "
            + "retired ones whose tokens may still be valid; match a token's `kid` header. Public.")
    @SecurityRequirements
    ResponseEntity<Map<String, Object>> jwks() {
        // toJSONObject(true): public parameters only, never the private exponent or primes.
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(1)).cachePublic())
                .body(keys.currentlyPublishedKeys().toJSONObject(true));
    }
}
