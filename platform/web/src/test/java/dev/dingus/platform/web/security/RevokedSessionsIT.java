package dev.dingus.platform.web.security;

import static dev.dingus.testsupport.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dingus.contracts.security.SessionRevocation;
import dev.dingus.testsupport.RedisKeys;
import dev.dingus.testsupport.TestInfrastructure;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

/**
 * Revoked sessions against the machine's real Redis. A service whose subscription was away when a session was
 * revoked is modelled by an instance whose listener container never starts: it learns only by reloading.
 */
class RevokedSessionsIT {
    private static final String PREFIX = "dingus-test-revoked-" + TestInfrastructure.uniqueId() + ":";
    private static final Duration TTL = Duration.ofMinutes(15);
    private static LettuceConnectionFactory factory;
    private static StringRedisTemplate redis;
    private static RedisMessageListenerContainer subscribed;

    @BeforeAll
    static void connect() {
        factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", 6379));
        factory.afterPropertiesSet();
        factory.start();
        redis = new StringRedisTemplate(factory);
        subscribed = container();
    }

    @AfterAll
    static void cleanUp() throws Exception {
        subscribed.destroy();
        RedisKeys.deleteAll("redis://127.0.0.1:6379", PREFIX);
        factory.destroy();
    }

    @Test
    void aRevocationReachesASubscribedServiceAtOnceAndTellsItsListeners() {
        RevokedSessions revoking = unsubscribed();
        RevokedSessions listening = new RevokedSessions(redis, subscribed, PREFIX, TTL);
        List<String> told = new CopyOnWriteArrayList<>();
        listening.onRevoked(told::add);
        subscribed.start();
        String sid = UUID.randomUUID().toString();

        eventually(Duration.ofSeconds(30), () -> {
            revoking.revoke(sid);
            assertThat(listening.isRevoked(sid)).isTrue();
        });
        assertThat(revoking.isRevoked(sid)).isTrue();
        assertThat(told).containsExactly(sid);
    }

    @Test
    void aServiceThatMissedThePublishLearnsOfTheRevocationOnItsNextReload() {
        RevokedSessions missed = unsubscribed();
        String sid = UUID.randomUUID().toString();
        List<String> told = new CopyOnWriteArrayList<>();
        missed.onRevoked(told::add);

        unsubscribed().revoke(sid);
        assertThat(missed.isRevoked(sid)).isFalse();
        missed.reload();

        assertThat(missed.isRevoked(sid)).isTrue();
        assertThat(told).containsExactly(sid);
        // The gateway checks the key of a sid it does not know: it is still written, as long as a token lives.
        assertThat(redis.getExpire(SessionRevocation.key(PREFIX, sid))).isBetween(TTL.toSeconds() - 60, TTL.toSeconds());
    }

    @Test
    void aServiceStartingUpKnowsTheRevocationsMadeBeforeIt() {
        String sid = UUID.randomUUID().toString();
        unsubscribed().revoke(sid);

        assertThat(unsubscribed().isRevoked(sid)).isTrue();
    }

    @Test
    void aRevocationKeyWrittenBeforeTheSortedSetExistedIsFoundAtStart() {
        String sid = UUID.randomUUID().toString();
        redis.opsForValue().set(SessionRevocation.key(PREFIX, sid), "1", TTL);

        assertThat(unsubscribed().isRevoked(sid)).isTrue();
    }

    @Test
    void endedRevocationsAreNeitherLoadedNorKeptInTheSortedSet() {
        String ended = UUID.randomUUID().toString();
        String index = SessionRevocation.index(PREFIX);
        redis.opsForZSet().add(index, ended, System.currentTimeMillis() - 1_000);
        RevokedSessions service = unsubscribed();
        service.reload();
        assertThat(service.isRevoked(ended)).isFalse();

        String live = UUID.randomUUID().toString();
        service.revoke(live);

        assertThat(redis.opsForZSet().score(index, ended)).isNull();
        assertThat(redis.opsForZSet().score(index, live)).isNotNull();
        assertThat(redis.getExpire(index)).isBetween(TTL.toSeconds() - 60, TTL.toSeconds());
    }

    private static RevokedSessions unsubscribed() {
        return new RevokedSessions(redis, container(), PREFIX, TTL);
    }

    private static RedisMessageListenerContainer container() {
        RedisMessageListenerContainer container = new RedisMessageListenerContainer();
        container.setConnectionFactory(factory);
        container.afterPropertiesSet();
        return container;
    }
}
