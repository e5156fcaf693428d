package dev.dingus.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dingus.contracts.security.SessionRevocation;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import dev.dingus.gateway.support.UnreachableRedis;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.ScanOptions;

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
}
