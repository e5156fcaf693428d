package dev.dingus.auth.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dingus.auth.AbstractAuthIT;
import dev.dingus.auth.Http;
import dev.dingus.auth.tokens.internal.SigningKeyRepository;
import dev.dingus.platform.web.config.DingusProperties;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionOperations;
import tools.jackson.databind.JsonNode;

/** Rotation against the real key table: old tokens keep working, the JWKS shows old and new, restarts keep the key. */
class KeyRotationIT extends AbstractAuthIT {

    @Autowired
    SigningKeys keys;

    @Autowired
    SigningKeyRepository repository;

    @Autowired
    TransactionOperations tx;

    @Autowired
    DingusProperties dingus;

    private List<String> publishedKids(Http http) {
        Http.Response jwks = http.get("/.well-known/jwks.json", null);
        assertThat(jwks.status()).isEqualTo(200);
        List<String> kids = new ArrayList<>();
        jwks.json().get("keys").forEach(k -> kids.add(k.get("kid").asString()));
        return kids;
    }

    @Test
    void afterARotationNewTokensUseTheNewKeyAndOldTokensStillWork() {
        Http http = http();
        Map<String, Object> user = newUser("Rotation");
        JsonNode before = register(http, user);
        String oldKid = jwtPart(accessToken(before), 0).get("kid").asString();

        String newKid = keys.rotate();

        assertThat(newKid).isNotEqualTo(oldKid);
        JsonNode after = http.post("/api/v1/auth/login", Map.of("login", user.get("username"), "password", user.get("password")), null).json();
        assertThat(jwtPart(accessToken(after), 0).get("kid").asString()).isEqualTo(newKid);
        assertThat(publishedKids(http)).contains(newKid, oldKid);
        assertThat(http.get("/api/v1/auth/me", accessToken(before)).status()).as("a token of the retired key").isEqualTo(200);
        assertThat(http.get("/api/v1/auth/me", accessToken(after)).status()).isEqualTo(200);
    }

    @Test
    void aRestartKeepsTheKeyAndDingusJwtRotateStartsANewOne() {
        String current = keys.currentKeyId();
        KeyProperties normal = new KeyProperties(null, null, false, Duration.ofMinutes(10));
        KeyProperties rotate = new KeyProperties(null, null, true, Duration.ofMinutes(10));

        SigningKeys restarted = new SigningKeys(repository, tx, normal, dingus.security().accessTokenTtl(), false, Clock.systemUTC());
        assertThat(restarted.currentKeyId()).isEqualTo(current);

        SigningKeys rotatedAtStart = new SigningKeys(repository, tx, rotate, dingus.security().accessTokenTtl(), false, Clock.systemUTC());
        assertThat(rotatedAtStart.currentKeyId()).isNotEqualTo(current);
        assertThat(rotatedAtStart.publishedKeys().getKeyByKeyId(current)).as("the previous key stays published").isNotNull();

        // The running instance notices the rotation another instance made, and its JWKS lists the new key at once.
        Http http = http();
        assertThat(publishedKids(http)).contains(rotatedAtStart.currentKeyId(), current);
        keys.followRotations();
        assertThat(keys.currentKeyId()).isEqualTo(rotatedAtStart.currentKeyId());
    }
}
