package dev.dingus.presence.relations;

import dev.dingus.presence.core.PresenceKeys;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/** The people who see a user's presence: members of any room the user is in, and the user's friends. */
@Component
public class Audience {
    /** At most this many sets per SUNION: Lua's unpack() refuses a few thousand values. */
    private static final int SETS_PER_UNION = 1_000;

    /**
     * KEYS: the user's friends, the user's rooms; ARGV: the prefix of the room member sets, sets per SUNION.
     * One round trip (it was two: the rooms, then their union). The member sets are named from the rooms read
     * here, so they cannot be declared as KEYS (fine on the single Redis Dingus uses, not on a Redis Cluster).
     */
    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> UNION = RedisScript.of("""
            local rooms = redis.call('SMEMBERS', KEYS[2])
            local step = tonumber(ARGV[2])
            local people = redis.call('SMEMBERS', KEYS[1])
            if #rooms == 0 then return people end
            local seen = {}
            for _, p in ipairs(people) do seen[p] = true end
            for from = 1, #rooms, step do
              local sets = {}
              for i = from, math.min(#rooms, from + step - 1) do sets[#sets + 1] = ARGV[1] .. rooms[i] end
              for _, p in ipairs(redis.call('SUNION', unpack(sets))) do
                if not seen[p] then seen[p] = true; people[#people + 1] = p end
              end
            end
            return people""", List.class);

    private final StringRedisTemplate redis;
    private final PresenceKeys keys;

    Audience(StringRedisTemplate redis, PresenceKeys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    /** Distinct user ids, without {@code userId} itself. One round trip whatever the number of rooms. */
    public Set<String> of(UUID userId) {
        List<?> people = redis.execute(UNION, List.of(keys.friendsOf(userId), keys.roomsOf(userId)),
                keys.membersPrefix(), Integer.toString(SETS_PER_UNION));
        if (people == null || people.isEmpty()) {
            return Set.of();
        }
        Set<String> distinct = new HashSet<>(people.size() * 2);
        people.forEach(p -> distinct.add((String) p));
        distinct.remove(userId.toString());
        return distinct;
    }
}
