package dev.dingus.messages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dingus.contracts.events.EventTypes;
import dev.dingus.contracts.events.RoomDeleted;
import dev.dingus.contracts.events.RoomMemberAdded;
import dev.dingus.contracts.events.RoomMemberRemoved;
import dev.dingus.contracts.events.RoomMemberRoleChanged;
import dev.dingus.contracts.events.RoomUpdated;
import dev.dingus.messages.support.IntegrationTestBase;
import dev.dingus.messages.support.SocketClients;
import dev.dingus.messages.support.TestUser;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A room's events may arrive out of order (two nodes on one queue, two room-service relays). Each test sends an
 * event late, as a reordering would, then marker events; once they are applied, the late one was too (one
 * consumer, in queue order), and what is stored must still be room-service's current state.
 */
class MembershipOrderIT extends IntegrationTestBase {

    @Test
    void anAddedEventArrivingAfterTheRemovalDoesNotLetTheMemberBackIn() {
        TestUser owner = newUser();
        TestUser bob = newUser();
        UUID roomId = room(owner, bob);
        removeMember(roomId, bob);

        publish(EventTypes.ROOM_MEMBER_ADDED, new RoomMemberAdded(roomId, "private", "room", bob.id(), "member",
                "invite", owner.id(), "everyone"));
        marker();

        assertThat(roleOf(roomId, bob)).isNull();
        SocketClients.Client b = connect(bob);
        JsonNode refused = b.emitAck("join_room", map("roomId", roomId.toString()));
        assertThat(refused.path("error").path("code").asString()).isEqualTo("room_not_found");
        assertThat(api().get("/api/v1/rooms/" + roomId + "/messages", bob.token()).status()).isEqualTo(404);
    }

    @Test
    void aRoleChangeArrivingLateDoesNotUndoANewerOne() {
        TestUser owner = newUser();
        TestUser bob = newUser();
        UUID roomId = room(owner, bob);
        // Promoted, then demoted again; the promotion's event comes last.
        addMember(roomId, "private", "everyone", bob, "admin");
        ROOM_SERVICE.knows(roomId, "private", "everyone", bob.id(), "member");
        publish(EventTypes.ROOM_MEMBER_ROLE_CHANGED, new RoomMemberRoleChanged(roomId, bob.id(), "member", owner.id()));
        awaitTrue(() -> "member".equals(roleOf(roomId, bob)), "demotion");

        publish(EventTypes.ROOM_MEMBER_ROLE_CHANGED, new RoomMemberRoleChanged(roomId, bob.id(), "admin", owner.id()));
        marker();

        assertThat(roleOf(roomId, bob)).isEqualTo("member");
    }

    @Test
    void aRemovalArrivingAfterTheMemberCameBackKeepsThem() {
        TestUser owner = newUser();
        TestUser bob = newUser();
        UUID roomId = room(owner, bob);
        // Removed and invited again at once; the removal's event comes last.
        publish(EventTypes.ROOM_MEMBER_REMOVED, new RoomMemberRemoved(roomId, "private", bob.id(), "remove", owner.id()));
        marker();

        assertThat(roleOf(roomId, bob)).isEqualTo("member");
    }

    @Test
    void aLateSettingsChangeDoesNotUndoANewerOne() {
        TestUser owner = newUser();
        UUID roomId = room("private", "everyone", owner);
        // Closed to admins; the older "everyone" arrives after.
        ROOM_SERVICE.knows(roomId, "private", "admins", owner.id(), "owner");
        publish(EventTypes.ROOM_UPDATED, new RoomUpdated(roomId, "private", "room", null, "admins", owner.id()));
        awaitTrue(() -> "admins".equals(postPolicy(roomId)), "closed to admins");

        publish(EventTypes.ROOM_UPDATED, new RoomUpdated(roomId, "private", "room", null, "everyone", owner.id()));
        marker();

        assertThat(postPolicy(roomId)).isEqualTo("admins");
    }

    @Test
    void anAddedEventArrivingAfterTheRoomWasDeletedDoesNotBringItBack() {
        TestUser owner = newUser();
        TestUser bob = newUser();
        UUID roomId = room(owner);
        ROOM_SERVICE.deleted(roomId);
        publish(EventTypes.ROOM_DELETED, new RoomDeleted(roomId, "private", owner.id(), List.of(owner.id())));
        awaitTrue(() -> jdbc.sql("SELECT count(*) FROM rooms WHERE id = ?").param(roomId).query(Long.class).single() == 0,
                "room deleted");

        publish(EventTypes.ROOM_MEMBER_ADDED, new RoomMemberAdded(roomId, "private", "room", bob.id(), "member",
                "invite", owner.id(), "everyone"));
        marker();

        assertThat(jdbc.sql("SELECT count(*) FROM rooms WHERE id = ?").param(roomId).query(Long.class).single()).isZero();
        assertThat(roleOf(roomId, bob)).isNull();
    }

    /**
     * Events queued after the late one, about another room (so that they carry nothing about this one); once
     * applied, the late one was applied before them.
     */
    private void marker() {
        room(newUser());
    }

    private String postPolicy(UUID roomId) {
        return jdbc.sql("SELECT post_policy FROM rooms WHERE id = ?").param(roomId).query(String.class).single();
    }
}
