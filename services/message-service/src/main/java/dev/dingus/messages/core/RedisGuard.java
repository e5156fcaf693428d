package dev.dingus.messages.core;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.lettuce.core.RedisException;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Keeps Redis out of the way while it is down: after a failure, calls go straight to their local fallback
 * for a short while instead of each waiting for a timeout; a probe notices when Redis is back and tells the
 * listeners (who then repair what they could not write meanwhile). Only Redis' own failures count as an
 * outage; anything else is a bug and is thrown.
 */
public class RedisGuard {
    private static final Logger log = LoggerFactory.getLogger(RedisGuard.class);
    private static final long RETRY_AFTER_NANOS = 1_000_000_000L;

    private final StringRedisTemplate redis;
    private final List<Runnable> recoveryListeners = new CopyOnWriteArrayList<>();
    private final AtomicBoolean down = new AtomicBoolean();
    private volatile long skipUntil;

    public RedisGuard(StringRedisTemplate redis) {
        this.redis = redis;
    }

    /** Runs {@code action} against Redis, or {@code fallback} when Redis is (or just turned out to be) away. */
    public <T> T call(Supplier<T> action, Supplier<T> fallback) {
        if (skipping()) {
            return fallback.get();
        }
        try {
            T result = action.get();
            succeeded();
            return result;
        } catch (DataAccessException | RedisException e) {
            failed(e);
            return fallback.get();
        }
    }

    /** Best effort: runs {@code action}; returns false when Redis was away and it did not happen. */
    public boolean run(Runnable action) {
        return call(() -> {
            action.run();
            return true;
        }, () -> false);
    }

    /** Called (on a thread of its own) each time Redis comes back after being away. */
    public void onRecovered(Runnable listener) {
        recoveryListeners.add(listener);
    }

    /** Looks for Redis once a second while it is away, so that recovery does not wait for traffic. */
    @Scheduled(fixedDelay = 1000)
    public void probe() {
        if (!down.get()) {
            return;
        }
        try {
            redis.execute(connection -> connection.ping(), true);
            succeeded();
        } catch (RuntimeException e) {
            skipUntil = System.nanoTime() + RETRY_AFTER_NANOS;
        }
    }

    private boolean skipping() {
        return down.get() && System.nanoTime() < skipUntil;
    }

    private void succeeded() {
        if (down.compareAndSet(true, false)) {
            log.info("Redis is reachable again");
            // Off the caller's thread: repairs must not delay a send that happened to notice the recovery.
            Thread.ofVirtual().name("redis-recovered").start(() -> {
                for (Runnable listener : recoveryListeners) {
                    try {
                        listener.run();
                    } catch (RuntimeException e) {
                        log.warn("Redis recovery step failed, will retry: {}", e.toString());
                        failed(e);
                    }
                }
            });
        }
    }

    private void failed(RuntimeException e) {
        skipUntil = System.nanoTime() + RETRY_AFTER_NANOS;
        if (down.compareAndSet(false, true)) {
            log.warn("Redis is not reachable, working without it: {}", e.toString());
        }
    }
}
