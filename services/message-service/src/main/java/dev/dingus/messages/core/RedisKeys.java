package dev.dingus.messages.core;

import java.util.UUID;

/** Every Redis key and channel of message-service, under {@code dingus.redis.prefix}. */
public record RedisKeys(String prefix) {

    public String latestPage(UUID roomId) { return prefix + "messages:latest:" + roomId; }

    public String latestPageVersion(UUID roomId) { return prefix + "messages:latest-version:" + roomId; }

    public String sendRate(UUID userId) { return prefix + "messages:rate:" + userId; }

    public String typing(UUID roomId, UUID userId) { return prefix + "messages:typing:" + roomId + ":" + userId; }

    /** Membership changes every node must apply to its cache and sockets at once. */
    public String membershipChannel() { return prefix + "messages:membership"; }

    // The presence contract shared with presence-service (docs/protocol.md, "Presence reporting").
    public String presenceEvents() { return prefix + "presence:events"; }

    public String presenceConnections(UUID userId) { return prefix + "presence:conn:" + userId; }

    public String presenceDeadlines() { return prefix + "presence:deadlines"; }

    public String presenceActive(UUID userId) { return prefix + "presence:active:" + userId; }
}
