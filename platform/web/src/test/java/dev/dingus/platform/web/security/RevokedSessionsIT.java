package dev.dingus.platform.web.security;

import static dev.dingus.testsupport.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dingus.contracts.errors.ErrorCodes;
import dev.dingus.contracts.security.AccessTokenLifetime;
import dev.dingus.contracts.security.SessionRevocation;
import dev.dingus.testsupport.RedisKeys;
import dev.dingus.testsupport.TestInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Revoked sessions against the machine's real Redis. A service whose subscription was away when a session was
 * revoked is modelled by an instance whose listener container never starts: it learns only by reloading.
 */
class RevokedSessionsIT {
    private static final String PREFIX = "dingus-test-revoked-" + TestInfrastructure.uniqueId() + ":";
    private static final Duration TTL = Duration.ofMinutes(15);
    /** How long a revocation lasts: longer than a token is accepted, ttl + clock skew. */
    private static final Duration LIFETIME = AccessTokenLifetime.revocationLifetime(TTL);
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
        // The gateway checks the key of a sid it does not know: it is still written, as long as a token is accepted.
        assertThat(redis.getExpire(SessionRevocation.key(PREFIX, sid))).isGreaterThan(TTL.toSeconds())
                .isLessThanOrEqualTo(LIFETIME.toSeconds());
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
        assertThat(redis.getExpire(index)).isGreaterThan(TTL.toSeconds()).isLessThanOrEqualTo(LIFETIME.toSeconds());
    }

    /**
     * Tokens are accepted until exp + the clock skew: the revocation must last as long, locally, in the sorted set
     * (for services that reload) and in the key (for the gateway). It used to end at revocation + ttl, and the
     * logged-out token worked again, everywhere, for the rest of Spring's default 60 s skew.
     */
    @Test
    void aRevocationOutlivesItsTokensByTheClockSkewTheyAreAcceptedFor() throws InterruptedException {
        Duration ttl = Duration.ofSeconds(2);
        RevokedSessions revoking = new RevokedSessions(redis, container(), PREFIX, ttl);
        OAuth2TokenValidator<Jwt> validators = AccessTokenValidators.forDingus("dingus", new RevokedSessionValidator(revoking));
        Instant issued = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Jwt loggedOut = token(issued, ttl);
        Jwt live = token(issued, ttl);
        String sid = loggedOut.getClaimAsString("sid");
        revoking.revoke(sid);
        Instant revoked = Instant.now();

        // Past exp and past revocation + ttl, but within the skew: a live session's token is still accepted...
        waitUntilPast(revoked.plus(ttl));
        assertThat(validators.validate(live).getErrors()).isEmpty();
        // ...so the logged-out one must still be refused as revoked, by every way a service learns of it.
        assertThat(validators.validate(loggedOut).getErrors()).extracting(OAuth2Error::getErrorCode)
                .contains(ErrorCodes.SESSION_REVOKED);
        assertThat(revoking.isRevoked(sid)).isTrue();
        assertThat(redis.hasKey(SessionRevocation.key(PREFIX, sid))).isTrue();
        assertThat(redis.opsForZSet().score(SessionRevocation.index(PREFIX), sid))
                .isGreaterThanOrEqualTo((double) loggedOut.getExpiresAt().plus(AccessTokenLifetime.CLOCK_SKEW).toEpochMilli());
    }

    @Test
    void aTokenIsAcceptedForTheClockSkewPastItsExpiryAndNoLonger() {
        OAuth2TokenValidator<Jwt> validators = AccessTokenValidators.forDingus("dingus", new RevokedSessionValidator(unsubscribed()));
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Duration skew = AccessTokenLifetime.CLOCK_SKEW;

        assertThat(validators.validate(token(now.minus(TTL).minus(skew.dividedBy(2)), TTL)).getErrors()).isEmpty();
        assertThat(validators.validate(token(now.minus(TTL).minus(skew).minusSeconds(5), TTL)).getErrors())
                .extracting(OAuth2Error::getDescription).anySatisfy(d -> assertThat(d).contains("expired"));
        Jwt otherIssuer = Jwt.withTokenValue("t").header("alg", "RS256").issuer("someone-else")
                .subject(UUID.randomUUID().toString()).claim("sid", UUID.randomUUID().toString())
                .issuedAt(now).expiresAt(now.plus(TTL)).build();
        assertThat(validators.validate(otherIssuer).hasErrors()).isTrue();
        // Spring's other default checks stay: a token of another type (say an OIDC logout token) is refused.
        Jwt otherType = Jwt.withTokenValue("t").header("alg", "RS256").header("typ", "logout+jwt").issuer("dingus")
                .subject(UUID.randomUUID().toString()).claim("sid", UUID.randomUUID().toString())
                .issuedAt(now).expiresAt(now.plus(TTL)).build();
        assertThat(validators.validate(otherType).hasErrors()).isTrue();
    }

    /** A token as auth-service issues it, for a new session. */
    private static Jwt token(Instant issued, Duration ttl) {
        return Jwt.withTokenValue("t").header("alg", "RS256").header("typ", "JWT").issuer("dingus")
                .subject(UUID.randomUUID().toString()).claim("sid", UUID.randomUUID().toString())
                .issuedAt(issued).expiresAt(issued.plus(ttl)).build();
    }

    /** A wait bounded by the short token lifetime of the test (about 2 s), not a timed assertion. */
    private static void waitUntilPast(Instant instant) throws InterruptedException {
        while (!Instant.now().isAfter(instant.plusMillis(100))) {
            Thread.sleep(50);
        }
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
