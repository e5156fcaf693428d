package dev.dingus.contracts.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VerifiedTokensTest {
    private final VerifiedTokens<String> tokens = new VerifiedTokens<>();

    @Test
    void onlyTheSameBytesFindAnEntry() {
        tokens.put(VerifiedTokens.key("header.claims.signature"), "decoded");
        assertThat(tokens.get(VerifiedTokens.key("header.claims.signature"))).isEqualTo("decoded");
        assertThat(tokens.get(VerifiedTokens.key("header.claims.signaturf"))).isNull();
        assertThat(tokens.get(VerifiedTokens.key("header.claims.signature "))).isNull();
    }

    @Test
    void aForgottenTokenIsGone() {
        VerifiedTokens.Key key = VerifiedTokens.key("t");
        tokens.put(key, "decoded");
        tokens.forget(key, "decoded");
        assertThat(tokens.get(key)).isNull();
    }

    @Test
    void theMapStartsAfreshWhenFull() {
        for (int i = 0; i < VerifiedTokens.MAX_ENTRIES; i++) {
            tokens.put(VerifiedTokens.key("t" + i), "d" + i);
        }
        assertThat(tokens.get(VerifiedTokens.key("t0"))).isEqualTo("d0");
        tokens.put(VerifiedTokens.key("one more"), "x");
        assertThat(tokens.get(VerifiedTokens.key("t0"))).isNull();
        assertThat(tokens.get(VerifiedTokens.key("one more"))).isEqualTo("x");
    }
}
