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
 * @param authUrl auth-service, asked whether a user exists when no event has told us
 * @param authTimeout how long we wait for auth-service
 * @param statusChanges how often a user may set their status ({@code PUT /presence/me})
 */
@ConfigurationProperties("dingus.presence")
public record PresenceProperties(Duration heartbeatTtl, Duration sweepInterval, int sweepBatch, Duration idleAfter,
        URI authUrl, Duration authTimeout, StatusChanges statusChanges) {
    /** The most user ids one presence query may name (docs/api.md). */
    public static final int MAX_QUERY_IDS = 200;

    public PresenceProperties {
        if (heartbeatTtl == null) heartbeatTtl = Duration.ofSeconds(60);
        if (sweepInterval == null) sweepInterval = Duration.ofSeconds(5);
        if (sweepBatch <= 0) sweepBatch = 500;
        if (idleAfter == null) idleAfter = Duration.ofMinutes(5);
        if (authUrl == null) authUrl = URI.create("http://127.0.0.1:3001");
        if (authTimeout == null) authTimeout = Duration.ofSeconds(3);
        if (statusChanges == null) statusChanges = new StatusChanges(StatusChanges.PER_MINUTE, StatusChanges.BURST);
    }

    /**
     * A token bucket per user over all instances: {@code perMinute} changes on average, bursts up to {@code burst}.
     * A change others see is one union over all the user's rooms and a push to every room-mate and friend, so a
     * client alternating statuses must not do it 100 times a second. A person picking from the status menu changes
     * their mind a few times in a row at most, and far less often than 10 times a minute.
     */
    public record StatusChanges(double perMinute, int burst) {
        static final double PER_MINUTE = 10;
        static final int BURST = 5;

        public StatusChanges {
            if (perMinute <= 0) perMinute = PER_MINUTE;
            if (burst <= 0) burst = BURST;
        }
    }
}
