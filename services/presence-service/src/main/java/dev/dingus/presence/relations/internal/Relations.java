package dev.dingus.presence.relations.internal;

import dev.dingus.presence.core.PresenceKeys;
import dev.dingus.presence.users.KnownUsers;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/** Writes the relation sets: both directions of each relation, so either side is found in one read. */
@Component
class Relations {
    private final StringRedisTemplate redis;
    private final PresenceKeys keys;
    private final KnownUsers users;

    Relations(StringRedisTemplate redis, PresenceKeys keys, KnownUsers users) {
        this.redis = redis;
        this.keys = keys;
        this.users = users;
    }

    void joined(UUID roomId, UUID userId) {
        redis.opsForSet().add(keys.membersOf(roomId), userId.toString());
        redis.opsForSet().add(keys.roomsOf(userId), roomId.toString());
        users.remember(userId);
    }

    void left(UUID roomId, UUID userId) {
        redis.opsForSet().remove(keys.membersOf(roomId), userId.toString());
        redis.opsForSet().remove(keys.roomsOf(userId), roomId.toString());
    }

    /** Forgets the room: its member set and the room in each member's set (the event's list and ours). */
    void roomDeleted(UUID roomId, Collection<UUID> memberIds) {
        Set<String> known = redis.opsForSet().members(keys.membersOf(roomId));
        if (known != null) {
            known.forEach(id -> redis.opsForSet().remove(keys.roomsOf(UUID.fromString(id)), roomId.toString()));
        }
        if (memberIds != null) {
            memberIds.forEach(id -> redis.opsForSet().remove(keys.roomsOf(id), roomId.toString()));
        }
        redis.delete(keys.membersOf(roomId));
    }

    void befriended(UUID a, UUID b) {
        redis.opsForSet().add(keys.friendsOf(a), b.toString());
        redis.opsForSet().add(keys.friendsOf(b), a.toString());
        users.remember(a, b);
    }

    void unfriended(UUID a, UUID b) {
        redis.opsForSet().remove(keys.friendsOf(a), b.toString());
        redis.opsForSet().remove(keys.friendsOf(b), a.toString());
    }
}
