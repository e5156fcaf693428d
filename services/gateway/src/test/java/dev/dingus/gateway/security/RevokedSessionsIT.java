package dev.dingus.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dingus.contracts.security.AccessTokenLifetime;
import dev.dingus.contracts.security.SessionRevocation;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import dev.dingus.gateway.support.UnreachableRedis;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/** The local revoked-session set against the machine's real Redis, and its behaviour when Redis is gone. */
class RevokedSessionsIT {
    private static final String PREFIX = "dingus-test-revoked-" + UUID.randomUUID().toString().substring(0, 8) + ":";
    private static final JwtSettings SETTINGS = new JwtSettings(URI.create("http://127.0.0.1:1/jwks"), "dingus",
            Duration.ofSeconds(30), Duration.ofMinutes(15), true);
    /** Redis is up in these tests: a slow answer on a busy machine must not turn into "fail open". */
    private static final Duration REDIS_UP_TIMEOUT = Duration.ofSeconds(10);
    private static LettuceConnectionFactory factory;
    private static ReactiveStringRedisTemplate redis;

    @BeforeAll
    static void connect() {
        factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", 6379));
        factory.afterPropertiesSet();
        factory.start();
        redis = new ReactiveStringRedisTemplate(factory);
    }

    @AfterAll
    static void cleanUp() {
        redis.scan(ScanOptions.scanOptions().match(PREFIX + "*").build()).flatMap(redis::delete).then()
                .block(Duration.ofSeconds(5));
        factory.destroy();
    }

    @Test
    void aPublishedRevocationIsKnownLocallyAndNeedsNoLookup() {
        RevokedSessions sessions = new RevokedSessions(redis, new RedisPrefix(PREFIX), SETTINGS, REDIS_UP_TIMEOUT);
        sessions.start();
        try {
            String sid = UUID.randomUUID().toString();
            assertThat(sessions.isRevoked(sid).block()).isFalse();
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> redis.convertAndSend(SessionRevocation.channel(PREFIX), sid).block() > 0);
            // "Within a second" of the publish (the issue), plus a second of slack: on a loaded 2-core CI machine the
            // listener's thread can wait that long for a core.
            await().atMost(Duration.ofSeconds(2)).until(() -> sessions.knownRevoked(sid));
            assertThat(sessions.isRevoked(sid).block()).isTrue();
        } finally {
            sessions.stop();
        }
        assertThat(sessions.isRunning()).isFalse();
    }

    @Test
    void aRevocationKeyIsFoundAndThenRemembered() {
        RevokedSessions sessions = new RevokedSessions(redis, new RedisPrefix(PREFIX), SETTINGS, REDIS_UP_TIMEOUT);
        String sid = UUID.randomUUID().toString();
        redis.opsForValue().set(SessionRevocation.key(PREFIX, sid), "1", Duration.ofMinutes(1)).block();
        assertThat(sessions.isRevoked(sid).block()).isTrue();
        assertThat(sessions.knownRevoked(sid)).isTrue();
    }

    @Test
    void withoutRedisOnlyTheLocalSetDecidesAndNothingFails() {
        try (UnreachableRedis dead = new UnreachableRedis()) {
            RevokedSessions sessions = new RevokedSessions(dead.template(), new RedisPrefix(PREFIX),
                    SETTINGS, Duration.ofMillis(300));
            sessions.start();
            String remembered = UUID.randomUUID().toString();
            sessions.remember(remembered);
            // The 300 ms timeout is what is tested; waiting for its answer is generous for a busy machine.
            assertThat(sessions.isRevoked(UUID.randomUUID().toString()).block(Duration.ofSeconds(30))).isFalse();
            assertThat(sessions.isRevoked(remembered).block(Duration.ofSeconds(30))).isTrue();
            sessions.stop();
        }
    }

    /**
     * The edge accepts a token until exp + clockSkew, so a revocation must be remembered that much longer than the
     * token lifetime: remembered for revocationTtl only, a logged-out token passed the gateway again for the skew.
     */
    @Test
    void aRevocationIsRememberedForTheClockSkewPastTheTokenLifetime() throws InterruptedException {
        Duration ttl = Duration.ofSeconds(2);
        JwtSettings settings = new JwtSettings(URI.create("http://127.0.0.1:1/jwks"), "dingus", null, ttl, true);
        assertThat(settings.clockSkew()).isEqualTo(AccessTokenLifetime.CLOCK_SKEW);
        RevokedSessions sessions = new RevokedSessions(redis, new RedisPrefix(PREFIX), settings, REDIS_UP_TIMEOUT);
        Instant issued = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String sid = UUID.randomUUID().toString();
        Jwt token = Jwt.withTokenValue("a.b.c").header("alg", "RS256").issuer("dingus")
                .subject(UUID.randomUUID().toString()).claim("sid", sid).issuedAt(issued).expiresAt(issued.plus(ttl)).build();
        OAuth2TokenValidator<Jwt> claims = TokenValidators.forDingus("dingus", settings.clockSkew(), Clock.systemUTC());
        // Stands in for Nimbus: the signature is taken as checked, the claims are checked as the gateway checks them.
        ReactiveJwtDecoder verifier = t -> claims.validate(token).hasErrors()
                ? Mono.error(new JwtValidationException("refused", claims.validate(token).getErrors())) : Mono.just(token);
        RevocationCheckingJwtDecoder decoder = new RevocationCheckingJwtDecoder(new VerifiedTokenDecoder(verifier, claims), sessions);
        sessions.remember(sid);
        Instant revoked = Instant.now();

        // A bounded wait (the 2 s lifetime), not a timed assertion: past exp and revocation + ttl, within the skew.
        while (!Instant.now().isAfter(revoked.plus(ttl).plusMillis(100))) {
            Thread.sleep(50);
        }
        // Still within its skew, so the token's claims pass: only the remembered revocation refuses it.
        assertThat(claims.validate(token).hasErrors()).isFalse();
        assertThat(decoder.decode("a.b.c").map(jwt -> "accepted").onErrorResume(e -> Mono.just(e.getClass().getSimpleName()))
                .block(Duration.ofSeconds(30))).isEqualTo("SessionRevokedException");
        assertThat(sessions.knownRevoked(sid)).isTrue();
    }
}
