package dev.dingus.auth.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import dev.dingus.auth.tokens.internal.RsaKeyMaterial;
import dev.dingus.auth.tokens.internal.StoredKey;
import dev.dingus.testsupport.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionOperations;

class SigningKeysTest {
    private static final Duration TTL = Duration.ofMinutes(15);
    private static final Duration GRACE = Duration.ofMinutes(10);

    private final InMemorySigningKeys table = new InMemorySigningKeys();
    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-25T12:00:00Z"));

    private SigningKeys start(KeyProperties props, boolean production) {
        return new SigningKeys(table, TransactionOperations.withoutTransaction(), props, TTL, production, clock);
    }

    private static KeyProperties local(boolean rotateOnStart) {
        return new KeyProperties(null, null, rotateOnStart, GRACE);
    }

    private static String pem(RSAKey key) throws Exception {
        String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.toRSAPrivateKey().getEncoded());
        return "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n";
    }

    @Test
    void theFirstStartGeneratesAKeyAndStoresItPrivatePartIncluded() {
        SigningKeys keys = start(local(false), false);

        StoredKey stored = table.find(keys.currentKeyId()).orElseThrow();
        assertThat(stored.canSign()).isTrue();
        assertThat(stored.source()).isEqualTo(StoredKey.Source.GENERATED);
        assertThat(keys.publishedKeys().getKeys()).extracting(JWK::getKeyID).containsExactly(keys.currentKeyId());
        assertThat(keys.publishedKeys().getKeys().get(0).isPrivate()).as("published keys are public only").isFalse();
    }

    @Test
    void aRestartSignsWithTheStoredKey() {
        String first = start(local(false), false).currentKeyId();

        assertThat(start(local(false), false).currentKeyId()).isEqualTo(first);
        assertThat(table.rows).hasSize(1);
    }

    @Test
    void aRotatedKeyStaysPublishedUntilItsTokensHaveExpired() {
        SigningKeys keys = start(local(false), false);
        String old = keys.currentKeyId();
        clock.advance(Duration.ofMinutes(1));

        String next = keys.rotate();

        assertThat(next).isNotEqualTo(old);
        assertThat(keys.currentKeyId()).isEqualTo(next);
        assertThat(keys.currentlyPublishedKeys().getKeys()).extracting(JWK::getKeyID).containsExactly(next, old);
        assertThat(table.find(old).orElseThrow().canSign()).as("a retired key loses its private part").isFalse();

        clock.advance(TTL.plus(GRACE).minusSeconds(1));
        assertThat(keys.currentlyPublishedKeys().getKeyByKeyId(old)).as("still within token lifetime + grace").isNotNull();

        clock.advance(Duration.ofSeconds(2));
        assertThat(keys.currentlyPublishedKeys().getKeys()).extracting(JWK::getKeyID).containsExactly(next);

        keys.rotate();
        assertThat(table.find(old)).as("long-retired keys are deleted at the next rotation").isEmpty();
    }

    @Test
    void rotateOnStartBeginsWithAFreshKey() {
        String first = start(local(false), false).currentKeyId();
        clock.advance(Duration.ofSeconds(1));

        SigningKeys rotated = start(local(true), false);

        assertThat(rotated.currentKeyId()).isNotEqualTo(first);
        assertThat(rotated.publishedKeys().getKeyByKeyId(first)).isNotNull();
    }

    @Test
    void productionRefusesToGenerateAKey() {
        assertThatThrownBy(() -> start(local(false), true)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("DINGUS_JWT_PRIVATE_KEY");
        assertThat(table.rows).isEmpty();
    }

    @Test
    void productionSignsWithTheKeyFromTheEnvironmentAndANewDeployRetiresTheOldOne() throws Exception {
        RSAKey first = RsaKeyMaterial.generate("ignored");
        SigningKeys keys = start(new KeyProperties(pem(first), "prod-1", false, GRACE), true);

        assertThat(keys.currentKeyId()).isEqualTo("prod-1");
        assertThat(keys.active().key().toRSAPublicKey()).isEqualTo(first.toRSAPublicKey());
        assertThat(table.find("prod-1").orElseThrow().canSign()).as("the private key never reaches the table").isFalse();
        assertThatThrownBy(keys::rotate).isInstanceOf(IllegalStateException.class).hasMessageContaining("DINGUS_JWT_KEY_ID");

        clock.advance(Duration.ofDays(1));
        SigningKeys redeployed = start(new KeyProperties(pem(RsaKeyMaterial.generate("x")), "prod-2", false, GRACE), true);

        assertThat(redeployed.currentKeyId()).isEqualTo("prod-2");
        assertThat(redeployed.currentlyPublishedKeys().getKeys()).extracting(JWK::getKeyID).containsExactly("prod-2", "prod-1");
        assertThat(table.find("prod-1").orElseThrow().retiredAt()).isEqualTo(clock.instant());
    }

    @Test
    void anEnvironmentKeyNeedsAnIdThatNoOtherKeyHadBefore() throws Exception {
        assertThatThrownBy(() -> start(new KeyProperties(pem(RsaKeyMaterial.generate("a")), " ", false, GRACE), true))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("DINGUS_JWT_KEY_ID");

        start(new KeyProperties(pem(RsaKeyMaterial.generate("a")), "prod-1", false, GRACE), true);
        assertThatThrownBy(() -> start(new KeyProperties(pem(RsaKeyMaterial.generate("b")), "prod-1", false, GRACE), true))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("new id");
    }

    @Test
    void anInstanceAdoptsTheKeyAnotherInstanceRotatedTo() {
        SigningKeys one = start(local(false), false);
        SigningKeys two = start(local(false), false);
        clock.advance(Duration.ofSeconds(5));

        String rotated = two.rotate();
        assertThat(one.currentKeyId()).isNotEqualTo(rotated);

        one.followRotations();
        assertThat(one.currentKeyId()).isEqualTo(rotated);
    }
}
