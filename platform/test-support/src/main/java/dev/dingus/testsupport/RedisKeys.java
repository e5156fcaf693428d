package dev.dingus.testsupport;

import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanIterator;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.ArrayList;
import java.util.List;

/** Cleans up a test run's slice of the machine's real Redis: every key under the run's prefix. */
public final class RedisKeys {
    private static final int BATCH = 500;

    private RedisKeys() {}

    /**
     * Deletes every key that starts with {@code prefix} (SCAN, never KEYS, so a shared Redis is not blocked)
     * and returns how many were deleted.
     */
    public static long deleteAll(String redisUrl, String prefix) {
        RedisClient client = RedisClient.create(redisUrl);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            RedisCommands<String, String> redis = connection.sync();
            ScanIterator<String> keys = ScanIterator.scan(redis, ScanArgs.Builder.matches(glob(prefix) + "*").limit(BATCH));
            long deleted = 0;
            List<String> batch = new ArrayList<>(BATCH);
            while (keys.hasNext()) {
                batch.add(keys.next());
                if (batch.size() == BATCH) {
                    deleted += redis.del(batch.toArray(String[]::new));
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                deleted += redis.del(batch.toArray(String[]::new));
            }
            return deleted;
        } finally {
            client.shutdown();
        }
    }

    /** The prefix as a literal in a SCAN pattern. */
    private static String glob(String prefix) {
        return prefix.replaceAll("([\\\\*?\\[\\]])", "\\\\$1");
    }
}
