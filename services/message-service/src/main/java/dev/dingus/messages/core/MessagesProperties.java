package dev.dingus.messages.core;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Everything message-service lets you tune, bound from {@code dingus.messages.*} (defaults in
 * {@code application.yml}, each with an environment variable).
 *
 * @param nodeId this instance's name among the message-service nodes (prefixes Engine.IO session ids)
 * @param limits sizes and rates stated in the OpenAPI document and the protocol
 * @param writer the group-commit writer
 * @param cache the Redis cache of each room's latest page
 * @param membership the local membership cache and the room-service fallback
 * @param socket the Socket.IO server
 * @param purge the background deletion of a deleted room's rows
 */
@ConfigurationProperties("dingus.messages")
public record MessagesProperties(String nodeId, Limits limits, Writer writer, Cache cache, Membership membership,
        Socket socket, Purge purge) {

    /**
     * @param maxContentLength characters (code points) of a message after trimming
     * @param maxPageSize largest history/search page; {@code defaultPageSize} when none is asked for
     * @param syncMaxRooms rooms in one {@code sync} call; {@code syncMaxMessagesPerRoom} messages per room
     * @param syncMaxBytes what the messages of one {@code sync} answer may add up to, as JSON (estimated), before each
     *     further room gets only its next one; well below the bytes a socket may have queued before it is closed as
     *     too slow (16 MiB), so a user of many busy rooms gets several answers instead of a closed connection
     * @param sendRatePerSecond sends per user and second on average, bursts up to {@code sendBurst}; edits and deletes
     *     take from the same budget
     * @param typingTtl how long a typing flag lives without a new {@code typing}
     * @param searchTimeout the longest a search may run in PostgreSQL: a word found in millions of messages would
     *     otherwise hold a pooled connection for as long as it takes to sort them all
     */
    public record Limits(int maxContentLength, int maxPageSize, int defaultPageSize, int syncMaxRooms,
            int syncMaxMessagesPerRoom, int syncMaxBytes, double sendRatePerSecond, int sendBurst, Duration typingTtl,
            int maxClientMsgIdLength, int maxSearchQueryLength, Duration searchTimeout, int unreadCountCap) {}

    /**
     * @param partitions writer threads, 0 for one per two cores ({@link #threads()}); a room always goes to the same one
     *     (keeps its order)
     * @param maxBatch sends written in one transaction at most
     * @param linger how long a writer waits for more sends once it has one (0: only what is queued)
     * @param queueCapacity sends waiting per partition before new ones are refused as busy
     */
    public record Writer(int partitions, int maxBatch, Duration linger, int queueCapacity) {
        /**
         * Writer threads: {@code partitions}, or with 0 one per two cores. Fewer writers make bigger batches, and a
         * batch's round trips and commit cost the same whatever its size: on 2 cores one writer held 1,500 msgs/s
         * where two held 1,250 (docs/benchmarks.md).
         */
        public int threads() {
            return partitions > 0 ? partitions : Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        }
    }

    /** @param pageSize messages kept per room (the largest page); {@code ttl} after the last write or fill */
    public record Cache(int pageSize, Duration ttl) {}

    /**
     * @param cacheTtl how long a membership answer is kept in memory (changes invalidate it at once)
     * @param negativeCacheTtl how long a "not a member" answer confirmed by room-service is kept
     * @param roomServiceUrl room-service, asked when this service has not heard of a room or membership yet
     * @param sweepInterval how often sockets' rooms are checked against the membership tables (a safety net for
     *     changes announced while Redis was away)
     */
    public record Membership(Duration cacheTtl, Duration negativeCacheTtl, String roomServiceUrl,
            Duration roomServiceTimeout, Duration sweepInterval) {}

    /**
     * @param port Engine.IO/Socket.IO port ({@code 0}: a free one)
     * @param maxPayloadBytes largest HTTP body or WebSocket message
     * @param corsOrigins browser origins allowed (empty: the platform's CORS list)
     * @param ioThreads Netty event loops of the Socket.IO port ({@code 0}: one per core)
     */
    public record Socket(String host, int port, String path, int maxPayloadBytes, Duration pingInterval,
            Duration pingTimeout, double inboundEventsPerSecond, int inboundEventBurst, Duration presenceRefresh,
            Duration presenceDeadline, List<String> corsOrigins, int ioThreads) {}

    /**
     * @param batchSize rows deleted per transaction at most
     * @param pollInterval how often pending purges are looked for (the node that consumed {@code room.deleted} starts
     *     at once; the others, and a restarted node, find the work here)
     * @param settle how long a purge record stays after {@code room.deleted} even when the room is empty: a send let
     *     in just before the deletion (a membership answer cached up to {@code membership.cacheTtl}, then the writer's
     *     queue) can still be stored meanwhile, and is deleted by the next pass. Keep it well above both.
     */
    public record Purge(int batchSize, Duration pollInterval, Duration settle) {}
}
