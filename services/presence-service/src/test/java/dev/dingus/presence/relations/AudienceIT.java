package dev.dingus.presence.relations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dingus.presence.core.PresenceKeys;
import dev.dingus.presence.support.PresenceTestBase;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.DefaultStringRedisConnection;
import org.springframework.data.redis.connection.StringRedisConnection;
import org.springframework.data.redis.core.RedisCallback;

/** Who sees a user's presence, read by one script from the real Redis. */
class AudienceIT extends PresenceTestBase {
    @Autowired Audience audience;
    @Autowired PresenceKeys keys;

    @Test
    void friendsAndTheMembersOfEveryRoomOnceEachWithoutTheUserItself() {
        UUID user = UUID.randomUUID();
        String friend = UUID.randomUUID().toString();
        String roommate = UUID.randomUUID().toString();
        UUID room = UUID.randomUUID();
        UUID otherRoom = UUID.randomUUID();
        redis.opsForSet().add(keys.friendsOf(user), friend, roommate);
        redis.opsForSet().add(keys.roomsOf(user), room.toString(), otherRoom.toString());
        redis.opsForSet().add(keys.membersOf(room), user.toString(), roommate);
        redis.opsForSet().add(keys.membersOf(otherRoom), user.toString(), roommate, friend);

        assertThat(audience.of(user)).containsExactlyInAnyOrder(friend, roommate);
    }

    @Test
    void aUserWithoutFriendsOrRoomsHasNoAudience() {
        assertThat(audience.of(UUID.randomUUID())).isEmpty();
    }

    /** Lua's unpack() refuses about 8,000 values: one SUNION over all these rooms would fail. */
    @Test
    void aUserInThousandsOfRoomsIsHeardByTheMembersOfAll() {
        UUID user = UUID.randomUUID();
        int roomCount = 8_500;
        Set<String> expected = new HashSet<>();
        List<String> rooms = new ArrayList<>();
        for (int i = 0; i < roomCount; i++) {
            rooms.add(UUID.randomUUID().toString());
            expected.add(UUID.randomUUID().toString());
        }
        List<String> members = List.copyOf(expected);
        redis.executePipelined((RedisCallback<Object>) connection -> {
            StringRedisConnection c = new DefaultStringRedisConnection(connection);
            for (int i = 0; i < roomCount; i++) {
                c.sAdd(keys.membersPrefix() + rooms.get(i), user.toString(), members.get(i));
            }
            return null;
        });
        redis.opsForSet().add(keys.roomsOf(user), rooms.toArray(String[]::new));

        assertThat(audience.of(user)).hasSize(roomCount).containsAll(expected);
    }
}
