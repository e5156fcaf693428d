package dev.dingus.presence.relations;

import dev.dingus.presence.core.PresenceKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/** The people who see a user's presence: members of any room the user is in, and the user's friends. */
@Component
public class Audience {
    private final StringRedisTemplate redis;
    private final PresenceKeys keys;

    Audience(StringRedisTemplate redis, PresenceKeys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    /** Distinct user ids, without {@code userId} itself. Two round trips whatever the number of rooms. */
    public Set<String> of(UUID userId) {
        Set<String> rooms = redis.opsForSet().members(keys.roomsOf(userId));
        List<String> sets = new ArrayList<>(1 + (rooms == null ? 0 : rooms.size()));
        sets.add(keys.friendsOf(userId));
        if (rooms != null) {
            rooms.forEach(room -> sets.add(keys.membersPrefix() + room));
        }
        Set<String> people = redis.opsForSet().union(sets);
        if (people == null) {
            return Set.of();
        }
        people.remove(userId.toString());
        return people;
    }
}
