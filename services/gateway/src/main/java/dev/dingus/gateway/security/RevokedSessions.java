package dev.dingus.gateway.security;

import dev.dingus.contracts.security.SessionRevocation;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * The sessions revoked on logout, as the gateway knows them. A local set fed by the Redis channel of
 * {@link SessionRevocation} refuses a revoked session within milliseconds of the publish and keeps refusing it
 * while Redis is unreachable. When a sid is not in the set, one reactive {@code EXISTS} on its key (bounded by a
 * short timeout, failing open) covers revocations published while our subscription was down: Lettuce
 * re-subscribes silently after a reconnect, so there is no reliable moment to reload the keys instead.
 */
@Component
public class RevokedSessions implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(RevokedSessions.class);
    private static final Duration WARN_EVERY = Duration.ofSeconds(30);

    private final ReactiveStringRedisTemplate redis;
    private final String prefix;
    /** Longer than a revoked session's tokens are accepted: {@code revocationTtl + clockSkew}. */
    private final Duration remember;
    private final Duration redisTimeout;
    private final boolean checkRedis;
    private final Map<String, Long> revokedUntil = new ConcurrentHashMap<>();
    private final AtomicLong lastWarning = new AtomicLong();
    private volatile Disposable subscription;
    private volatile Disposable purge;

    public RevokedSessions(ReactiveStringRedisTemplate redis, RedisPrefix prefix, JwtSettings settings,
            @Value("${dingus.gateway.redis-timeout:250ms}") Duration redisTimeout) {
        this.redis = redis;
        this.prefix = prefix.prefix();
        this.remember = settings.revocationLifetime();
        this.redisTimeout = redisTimeout;
        this.checkRedis = settings.checkRedisPerRequest();
    }

    /** Whether the session is revoked; never fails (Redis trouble means "not known to be revoked"). */
    public Mono<Boolean> isRevoked(String sessionId) {
        if (knownRevoked(sessionId)) {
            return Mono.just(true);
        }
        if (!checkRedis) {
            return Mono.just(false);
        }
        return redis.hasKey(SessionRevocation.key(prefix, sessionId))
                .timeout(redisTimeout)
                .doOnNext(revoked -> {
                    if (revoked) {
                        remember(sessionId);
                    }
                })
                .onErrorResume(e -> {
                    warn("Cannot check revoked sessions in Redis, relying on the local set: {}", e.toString());
                    return Mono.just(false);
                });
    }

    boolean knownRevoked(String sessionId) {
        Long until = revokedUntil.get(sessionId);
        if (until == null) {
            return false;
        }
        if (until < System.currentTimeMillis()) {
            revokedUntil.remove(sessionId, until);
            return false;
        }
        return true;
    }

    void remember(String sessionId) {
        if (sessionId != null && !sessionId.isBlank()) {
            revokedUntil.put(sessionId, System.currentTimeMillis() + remember.toMillis());
        }
    }

    @Override
    public void start() {
        String channel = SessionRevocation.channel(prefix);
        subscription = Flux.defer(() -> redis.listenToChannel(channel))
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(500)).maxBackoff(Duration.ofSeconds(10))
                        .doBeforeRetry(s -> warn("Revocation channel lost, re-subscribing: {}", s.failure().toString())))
                .subscribe(message -> remember(message.getMessage()));
        purge = Flux.interval(Duration.ofMinutes(1)).subscribe(tick -> {
            long now = System.currentTimeMillis();
            revokedUntil.values().removeIf(until -> until < now);
        });
    }

    @Override
    public void stop() {
        Disposable s = subscription;
        if (s != null) {
            s.dispose();
        }
        Disposable p = purge;
        if (p != null) {
            p.dispose();
        }
        subscription = null;
        purge = null;
    }

    @Override
    public boolean isRunning() {
        return subscription != null;
    }

    private void warn(String message, Object detail) {
        long now = System.currentTimeMillis();
        long last = lastWarning.get();
        if (now - last >= WARN_EVERY.toMillis() && lastWarning.compareAndSet(last, now)) {
            log.warn(message, detail);
        }
    }
}
