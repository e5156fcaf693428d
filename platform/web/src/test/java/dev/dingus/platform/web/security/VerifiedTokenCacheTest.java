package dev.dingus.platform.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dingus.testsupport.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;

class VerifiedTokenCacheTest {
    private static final Instant ISSUED = Instant.parse("2026-01-01T10:00:00Z");

    private final List<String> verifiedTokens = new ArrayList<>();
    private final SettableClock now = new SettableClock(ISSUED);
    private final OAuth2TokenValidator<Jwt> lifetime = lifetime();
    /** Stands in for the signature check: records each token it had to verify. */
    private final JwtDecoder verifier = token -> {
        verifiedTokens.add(token);
        return Jwt.withTokenValue(token).header("alg", "RS256").subject("u-" + token)
                .issuedAt(ISSUED).expiresAt(ISSUED.plus(Duration.ofMinutes(15))).build();
    };
    private final VerifiedTokenCache cache = new VerifiedTokenCache(verifier, lifetime);

    private OAuth2TokenValidator<Jwt> lifetime() {
        JwtTimestampValidator validator = new JwtTimestampValidator(Duration.ZERO);
        validator.setClock(now);
        return validator;
    }

    @Test
    void eachDistinctTokenIsVerifiedOnce() {
        assertThat(cache.decode("a.b.c").getSubject()).isEqualTo("u-a.b.c");
        assertThat(cache.decode("a.b.c").getSubject()).isEqualTo("u-a.b.c");
        assertThat(cache.decode("a.b.d").getSubject()).isEqualTo("u-a.b.d");
        assertThat(verifiedTokens).containsExactly("a.b.c", "a.b.d");
    }

    @Test
    void aReusedTokenIsValidatedAgainAndRefusedOnceExpired() {
        cache.decode("a.b.c");
        now.set(ISSUED.plus(Duration.ofMinutes(16)));
        assertThatThrownBy(() -> cache.decode("a.b.c"))
                .isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("expired");
        assertThat(verifiedTokens).containsExactly("a.b.c");
    }

    @Test
    void aRefusedTokenIsForgottenAndVerifiedAfreshNextTime() {
        cache.decode("a.b.c");
        now.set(ISSUED.plus(Duration.ofMinutes(16)));
        assertThatThrownBy(() -> cache.decode("a.b.c")).isInstanceOf(JwtValidationException.class);
        now.set(ISSUED);
        cache.decode("a.b.c");
        assertThat(verifiedTokens).containsExactly("a.b.c", "a.b.c");
    }
}
