package dev.dingus.auth.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.transaction.support.TransactionOperations;

class AccessTokensTest {
    private final SigningKeys keys = new SigningKeys(new InMemorySigningKeys(), TransactionOperations.withoutTransaction(),
            new KeyProperties(null, null, false, Duration.ofMinutes(10)), Duration.ofMinutes(15), false, Clock.systemUTC());
    private final AccessTokens tokens = new AccessTokens(keys, "dingus", Duration.ofMinutes(15), Clock.systemUTC());
    private final JwtDecoder decoder = NimbusJwtDecoder.withJwkSource((selector, context) -> selector.select(keys.publishedKeys())).build();

    @Test
    void anAccessTokenCarriesTheDocumentedClaimsAndTheKeyId() throws Exception {
        UUID user = UUID.randomUUID();
        UUID session = UUID.randomUUID();

        IssuedAccessToken issued = tokens.issue(user, "ada", session);
        Jwt jwt = decoder.decode(issued.value());

        assertThat(jwt.getSubject()).isEqualTo(user.toString());
        assertThat(jwt.getClaimAsString("username")).isEqualTo("ada");
        assertThat(jwt.getClaimAsString("sid")).isEqualTo(session.toString());
        assertThat(jwt.getClaimAsString("iss")).isEqualTo("dingus");
        assertThat(jwt.getIssuedAt()).isCloseTo(Instant.now(), org.assertj.core.api.Assertions.within(5, java.time.temporal.ChronoUnit.SECONDS));
        assertThat(Duration.between(jwt.getIssuedAt(), jwt.getExpiresAt())).isEqualTo(Duration.ofMinutes(15));
        assertThat(issued.expiresInSeconds()).isEqualTo(900);
        assertThat(issued.expiresAt()).isEqualTo(jwt.getExpiresAt());
        SignedJWT parsed = SignedJWT.parse(issued.value());
        assertThat(parsed.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
        assertThat(parsed.getHeader().getKeyID()).isEqualTo(keys.currentKeyId());
    }

    @Test
    void tokensOfARetiredKeyStillVerifyAndNewOnesUseTheNewKey() throws Exception {
        String before = tokens.issue(UUID.randomUUID(), "ada", UUID.randomUUID()).value();
        String newKid = keys.rotate();
        String after = tokens.issue(UUID.randomUUID(), "ada", UUID.randomUUID()).value();

        assertThat(decoder.decode(before).getSubject()).isNotNull();
        assertThat(SignedJWT.parse(after).getHeader().getKeyID()).isEqualTo(newKid);
        assertThat(decoder.decode(after).getSubject()).isNotNull();
    }

    @Test
    void aTokenWithAnAlteredPayloadDoesNotVerify() {
        String[] parts = tokens.issue(UUID.randomUUID(), "ada", UUID.randomUUID()).value().split("\\.");
        String forged = parts[0] + "." + parts[1].substring(0, parts[1].length() - 2) + "AA." + parts[2];

        assertThatThrownBy(() -> decoder.decode(forged)).isInstanceOf(BadJwtException.class);
    }
}
