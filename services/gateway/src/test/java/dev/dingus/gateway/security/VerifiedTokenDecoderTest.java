package dev.dingus.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dingus.testsupport.SettableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

class VerifiedTokenDecoderTest {
    private static final Instant ISSUED = Instant.parse("2026-01-01T10:00:00Z");

    private final List<String> verified = new ArrayList<>();
    /** Stands in for the signature check: records each token it had to verify. */
    private final ReactiveJwtDecoder verifier = token -> {
        verified.add(token);
        return Mono.just(Jwt.withTokenValue(token).header("alg", "RS256").issuer("dingus").subject("u")
                .claim("sid", "s-" + token).issuedAt(ISSUED).expiresAt(ISSUED.plus(Duration.ofMinutes(15))).build());
    };

    private VerifiedTokenDecoder decoderAt(Instant now) {
        return new VerifiedTokenDecoder(verifier,
                TokenValidators.forDingus("dingus", Duration.ofSeconds(30), Clock.fixed(now, ZoneOffset.UTC)));
    }

    @Test
    void eachDistinctTokenIsVerifiedOnce() {
        VerifiedTokenDecoder decoder = decoderAt(ISSUED);
        assertThat(decoder.decode("a.b.c").block().getClaimAsString("sid")).isEqualTo("s-a.b.c");
        assertThat(decoder.decode("a.b.c").block().getClaimAsString("sid")).isEqualTo("s-a.b.c");
        decoder.decode("a.b.d").block();
        assertThat(verified).containsExactly("a.b.c", "a.b.d");
    }

    @Test
    void aReusedTokenIsValidatedAgainAndRefusedOnceExpired() {
        SettableClock now = new SettableClock(ISSUED);
        VerifiedTokenDecoder decoder = new VerifiedTokenDecoder(verifier, TokenValidators.forDingus("dingus",
                Duration.ofSeconds(30), now));
        decoder.decode("a.b.c").block();
        now.set(ISSUED.plus(Duration.ofMinutes(16)));
        assertThatThrownBy(() -> decoder.decode("a.b.c").block())
                .isInstanceOf(JwtValidationException.class)
                .satisfies(e -> assertThat(((JwtValidationException) e).getErrors())
                        .extracting(error -> error.getErrorCode()).containsExactly("token_expired"));
        assertThat(verified).containsExactly("a.b.c");
    }
}
