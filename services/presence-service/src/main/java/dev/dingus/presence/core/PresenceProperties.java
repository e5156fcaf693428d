package dev.dingus.presence.core;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of {@code dingus.presence}.
 *
 * @param heartbeatTtl how far ahead message-service sets a socket's deadline (its refresh adds this to now);
 *     the last heartbeat of an expired socket is its deadline minus this
 * @param sweepInterval how often due heartbeat deadlines and idle checks are looked at
 * @param sweepBatch how many due users one sweep round takes at a time
 * @param idleAfter a connected user with no activity for this long shows as away
 * @param maxQueryIds the most user ids one presence query may name
 * @param authUrl auth-service, asked whether a user exists when no event has told us
 * @param authTimeout how long we wait for auth-service
 */
@ConfigurationProperties("dingus.presence")
public record PresenceProperties(Duration heartbeatTtl, Duration sweepInterval, int sweepBatch, Duration idleAfter,
        int maxQueryIds, URI authUrl, Duration authTimeout) {
    public static final int MAX_QUERY_IDS = 200;

    public PresenceProperties {
        if (heartbeatTtl == null) heartbeatTtl = Duration.ofSeconds(60);
        if (sweepInterval == null) sweepInterval = Duration.ofSeconds(5);
        if (sweepBatch <= 0) sweepBatch = 500;
        if (idleAfter == null) idleAfter = Duration.ofMinutes(5);
        if (maxQueryIds <= 0 || maxQueryIds > MAX_QUERY_IDS) maxQueryIds = MAX_QUERY_IDS;
        if (authUrl == null) authUrl = URI.create("http://127.0.0.1:3001");
        if (authTimeout == null) authTimeout = Duration.ofSeconds(3);
    }
}
