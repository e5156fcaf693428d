package dev.dingus.auth.accounts.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher(new PasswordProperties(4));

    @Test
    void theRightPasswordMatchesAndAWrongOneDoesNot() {
        String stored = hasher.hash("correct horse battery");

        assertThat(stored).startsWith("{sha256-bcrypt}$2a$04$");
        assertThat(hasher.matches("correct horse battery", stored)).isTrue();
        assertThat(hasher.matches("correct horse batterY", stored)).isFalse();
        assertThat(hasher.matches(null, stored)).isFalse();
    }

    @Test
    void everyHashHasItsOwnSalt() {
        assertThat(hasher.hash("same password")).isNotEqualTo(hasher.hash("same password"));
    }

    @Test
    void allOf128CharactersCountEvenBeyondBcrypts72Bytes() {
        String base = "ü".repeat(127);
        String stored = hasher.hash(base + "a");

        assertThat(hasher.matches(base + "a", stored)).isTrue();
        assertThat(hasher.matches(base + "b", stored)).as("differs only in the 255th byte").isFalse();
    }

    @Test
    void anAccountWithoutAPasswordCostsALoginTheSameBcryptWork() {
        AtomicInteger checks = new AtomicInteger();
        PasswordHasher counting = new PasswordHasher(new BCryptPasswordEncoder(4) {
            @Override
            protected boolean matchesNonNull(String raw, String encoded) {
                checks.incrementAndGet();
                return super.matchesNonNull(raw, encoded);
            }
        });
        String stored = counting.hash("correct horse battery");

        assertThat(counting.matches("correct horse battery", stored)).isTrue();
        assertThat(counting.matches("{none}", PasswordHasher.unusable())).isFalse();
        assertThat(counting.matches("x", null)).isFalse();
        assertThat(counting.matchesNobody("x")).isFalse();
        assertThat(checks.get()).as("one BCrypt check per login, whatever the account").isEqualTo(4);
    }

    @Test
    void hashesOfAnotherSchemeNeverMatch() {
        assertThat(hasher.matches("x", "$2a$04$abcdefghijklmnopqrstuuJ2h0dJrq6e7o3Vq7d6o1e0qf1OTz6Cq")).isFalse();
        assertThat(hasher.matches("x", null)).isFalse();
    }

    @Test
    void anUnknownUserCostsAHashButNeverMatches() {
        assertThat(hasher.matchesNobody("anything")).isFalse();
        assertThat(hasher.matchesNobody(null)).isFalse();
    }

    @Test
    void theCostFactorIsBounded() {
        assertThat(new PasswordProperties(0).bcryptStrength()).isEqualTo(10);
        assertThatThrownBy(() -> new PasswordProperties(3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PasswordProperties(32)).isInstanceOf(IllegalArgumentException.class);
    }
}
