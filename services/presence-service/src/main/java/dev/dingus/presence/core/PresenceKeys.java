package dev.dingus.presence.core;

import dev.dingus.platform.web.config.DingusProperties;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Every Redis key and channel of presence, under {@code dingus.redis.prefix}. The first four are the
 * contract with message-service (it writes them); the rest belong to presence-service alone.
 */
@Component
public class PresenceKeys {
    private final String prefix;

    public PresenceKeys(DingusProperties dingus) {
        this.prefix = dingus.redis().prefix();
    }

    public String prefix() { return prefix; }

    // --- written by message-service -------------------------------------------------------------

    /** Channel of {@code {"type":"connect"|"disconnect","userId","socketId","nodeId","at"}} reports. */
    public String eventsChannel() { return prefix + "presence:events"; }

    /** ZSET {@code <nodeId>:<socketId>} → deadline millis, one member per open socket of the user. */
    public String connections(UUID userId) { return prefix + "presence:conn:" + userId; }

    /** ZSET userId → latest socket deadline millis; only users whose deadline passed are ever examined. */
    public String deadlines() { return prefix + "presence:deadlines"; }

    /** STRING: millis of the user's last activity (message sent, activity ping, connect). */
    public String lastActive(UUID userId) { return prefix + "presence:active:" + userId; }

    // --- presence-service's own -----------------------------------------------------------------

    /** STRING: the status the user chose (away, dnd, invisible); absent means automatic (online/idle away). */
    public String chosen(UUID userId) { return prefix + "presence:chosen:" + userId; }

    /** HASH {@code status}, {@code lastSeen}: what others were last told about the user. */
    public String shown(UUID userId) { return prefix + "presence:shown:" + userId; }

    /** HASH {@code tokens}, {@code at}: the user's budget of status changes; gone once it is full again. */
    public String statusChanges(UUID userId) { return prefix + "presence:status-rate:" + userId; }

    /** ZSET userId → millis when to look again whether a connected user became idle (or active again). */
    public String idleChecks() { return prefix + "presence:idle"; }

    /** SET of user ids known to exist. */
    public String knownUsers() { return prefix + "presence:users"; }

    /** SET of the room ids a user belongs to. */
    public String roomsOf(UUID userId) { return prefix + "presence:rooms:" + userId; }

    /** SET of the member ids of a room. */
    public String membersOf(UUID roomId) { return prefix + "presence:members:" + roomId; }

    /** Prefix of {@link #membersOf} keys. */
    public String membersPrefix() { return prefix + "presence:members:"; }

    /** SET of a user's friends. */
    public String friendsOf(UUID userId) { return prefix + "presence:friends:" + userId; }
}
