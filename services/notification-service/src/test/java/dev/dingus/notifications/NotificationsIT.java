package dev.dingus.notifications;

import static dev.dingus.testsupport.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dingus.contracts.events.EventTypes;
import dev.dingus.contracts.events.FriendAccepted;
import dev.dingus.contracts.events.FriendRequested;
import dev.dingus.contracts.events.MessageDeleted;
import dev.dingus.contracts.events.RoomMemberAdded;
import dev.dingus.contracts.events.RoomMemberRemoved;
import dev.dingus.contracts.realtime.SocketEvents;
import dev.dingus.notifications.core.NotificationKind;
import dev.dingus.notifications.inbox.Inbox;
import dev.dingus.notifications.inbox.NewNotification;
import dev.dingus.notifications.support.NotificationTestBase;
import dev.dingus.platform.events.EventEnvelope;
import dev.dingus.testsupport.Api;
import dev.dingus.testsupport.TestUser;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** Every kind is produced once from its event (redeliveries included), never for the author, and delivered live. */
class NotificationsIT extends NotificationTestBase {
    @Autowired
    Inbox inbox;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aDirectMessageNotifiesTheOtherMemberOnceAndLive() {
        TestUser alice = registered();
        TestUser bob = registered();
        UUID dm = room("dm", null, alice, bob);
        EventEnvelope sent = message(dm, "dm", alice, "  hello\n\nBob,   how are you?  ", List.of());

        JsonNode n = awaitNotifications(bob, 1).getFirst();
        assertThat(n.get("kind").asString()).isEqualTo("dm");
        assertThat(n.get("title").asString()).isEqualTo("New message from @" + alice.username());
        assertThat(n.get("body").asString()).isEqualTo("hello Bob, how are you?");
        assertThat(n.get("roomId").asString()).isEqualTo(dm.toString());
        assertThat(n.get("actorId").asString()).isEqualTo(alice.id().toString());
        assertThat(n.get("readAt").isNull()).isTrue();

        // live: one notification event to every socket of bob, carrying the stored notification
        List<JsonNode> live = fanout.await(target(bob), SocketEvents.NOTIFICATION, got -> got.size() == 1, WAIT);
        assertThat(live.getFirst().get("id").asString()).isEqualTo(n.get("id").asString());
        assertThat(live.getFirst().get("kind").asString()).isEqualTo("dm");
        assertThat(live.getFirst().get("createdAt").asString()).isNotBlank();

        events.publishConfirmed(List.of(sent)); // RabbitMQ delivers it again
        drain();
        assertThat(notifications(bob)).hasSize(1);
        assertThat(notifications(alice)).as("no notification to the author").isEmpty();
        assertThat(fanout.received(target(bob), SocketEvents.NOTIFICATION)).hasSize(1);
    }

    @Test
    void aMentionNotifiesMentionedMembersOfThatRoomOnly() {
        TestUser alice = registered();
        TestUser bob = registered();
        TestUser carol = registered();
        TestUser outsider = registered();
        UUID general = room("public", "general", alice, bob, carol);
        message(general, "public", alice, "@" + bob.username() + " and @" + outsider.username() + " look", List.of(
                bob.username().toUpperCase(), outsider.username(), alice.username(), "nobody-by-that-name"));

        JsonNode n = awaitNotifications(bob, 1).getFirst();
        assertThat(n.get("kind").asString()).isEqualTo("mention");
        assertThat(n.get("title").asString()).isEqualTo("@" + alice.username() + " mentioned you in #general");
        assertThat(n.get("roomId").asString()).isEqualTo(general.toString());
        drain();
        assertThat(notifications(carol)).as("not mentioned").isEmpty();
        assertThat(notifications(outsider)).as("mentioned but not a member").isEmpty();
        assertThat(notifications(alice)).as("the author mentioned themself").isEmpty();
    }

    @Test
    void aMessageWithNoOneToTellIsSkippedWithoutRecordingIt() {
        TestUser alice = registered();
        TestUser bob = registered();
        UUID general = room("public", "general", alice, bob);
        EventEnvelope plain = message(general, "public", alice, "hello everyone", List.of());
        EventEnvelope blank = message(general, "public", alice, "@ and @", List.of(" ", "@"));
        EventEnvelope mention = message(general, "public", alice, "@" + bob.username(), List.of(bob.username()));

        awaitNotifications(bob, 1);
        drain();
        assertThat(notifications(bob)).hasSize(1);
        assertThat(notifications(alice)).isEmpty();
        // Skipped before the handler's transaction: nothing recorded for the two without effect.
        assertThat(recorded(plain.id())).isFalse();
        assertThat(recorded(blank.id())).isFalse();
        assertThat(recorded(mention.id())).isTrue();
    }

    private boolean recorded(UUID eventId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM dingus_processed_events WHERE event_id = ?)").param(eventId)
                .query(Boolean.class).single();
    }

    @Test
    void aMutedRoomMakesNoNotificationsUntilUnmuted() {
        TestUser alice = registered();
        TestUser bob = registered();
        UUID dm = room("dm", null, alice, bob);
        UUID team = room("private", "team", alice, bob);
        drain();
        for (UUID r : List.of(dm, team)) {
            Api.Response muted = api.put("/api/v1/notifications/mutes/" + r, bob.token(), Map.of("muted", true));
            assertThat(muted.status()).as(muted.toString()).isEqualTo(200);
            assertThat(muted.body().get("muted").asBoolean()).isTrue();
        }
        Api.Response mutes = api.get("/api/v1/notifications/mutes", bob.token());
        assertThat(mutes.body().get("items")).hasSize(2);

        message(dm, "dm", alice, "psst", List.of());
        message(team, "private", alice, "@" + bob.username(), List.of(bob.username()));
        drain();
        assertThat(notifications(bob)).isEmpty();

        api.put("/api/v1/notifications/mutes/" + dm, bob.token(), Map.of("muted", false));
        message(dm, "dm", alice, "now?", List.of());
        assertThat(awaitNotifications(bob, 1).getFirst().get("body").asString()).isEqualTo("now?");
        assertThat(api.get("/api/v1/notifications/mutes", bob.token()).body().get("items")).hasSize(1);
    }

    @Test
    void anInvitationNotifiesTheInviteeButJoiningDoesNot() {
        TestUser alice = registered();
        TestUser bob = registered();
        TestUser carol = registered();
        UUID roomId = room("private", "plans", alice);
        ROOM_SERVICE.knows(roomId, "private", "everyone", bob.id(), "member");
        ROOM_SERVICE.knows(roomId, "private", "everyone", carol.id(), "member");
        EventEnvelope invite = events.publishNow(EventTypes.ROOM_MEMBER_ADDED, new RoomMemberAdded(roomId, "private", "plans",
                bob.id(), "member", "invite", alice.id(), "everyone"));
        events.publishNow(EventTypes.ROOM_MEMBER_ADDED, new RoomMemberAdded(roomId, "private", "plans", carol.id(), "member",
                "join", carol.id(), "everyone"));

        JsonNode n = awaitNotifications(bob, 1).getFirst();
        assertThat(n.get("kind").asString()).isEqualTo("invitation");
        assertThat(n.get("title").asString()).isEqualTo("@" + alice.username() + " invited you to #plans");
        assertThat(n.get("actorId").asString()).isEqualTo(alice.id().toString());
        events.publishConfirmed(List.of(invite));
        drain();
        assertThat(notifications(bob)).hasSize(1);
        assertThat(notifications(carol)).isEmpty();
        assertThat(notifications(alice)).isEmpty();
    }

    @Test
    void aFriendRequestAndItsAcceptanceNotifyTheOtherSide() {
        TestUser alice = registered();
        TestUser bob = registered();
        EventEnvelope asked = events.publishNow(EventTypes.FRIEND_REQUESTED, new FriendRequested(alice.id(), alice.username(), bob.id()));
        JsonNode request = awaitNotifications(bob, 1).getFirst();
        assertThat(request.get("kind").asString()).isEqualTo("friend_request");
        assertThat(request.get("title").asString()).isEqualTo("@" + alice.username() + " sent you a friend request");

        EventEnvelope accepted = events.publishNow(EventTypes.FRIEND_ACCEPTED, new FriendAccepted(alice.id(), bob.id(), bob.username()));
        JsonNode acceptance = awaitNotifications(alice, 1).getFirst();
        assertThat(acceptance.get("kind").asString()).isEqualTo("friend_accepted");
        assertThat(acceptance.get("title").asString()).isEqualTo("@" + bob.username() + " accepted your friend request");
        fanout.await(target(alice), SocketEvents.NOTIFICATION, got -> got.size() == 1, WAIT);

        events.publishConfirmed(List.of(asked, accepted));
        drain();
        assertThat(notifications(bob)).hasSize(1);
        assertThat(notifications(alice)).hasSize(1);
    }

    @Test
    void oneEventAndRecipientNeverMakeTwoNotificationsEvenWithoutThePlatformsCheck() {
        TestUser bob = registered();
        UUID eventId = UUID.randomUUID();
        NewNotification n = new NewNotification(NotificationKind.SYSTEM, "t", "b", null, null, null, eventId);
        Integer first = tx.execute(s -> inbox.deliver(n, List.of(bob.id())));
        Integer again = tx.execute(s -> inbox.deliver(n, List.of(bob.id(), bob.id())));
        assertThat(first).isEqualTo(1);
        assertThat(again).isZero();
        assertThat(notifications(bob)).hasSize(1);
    }

    @Test
    void anOfflineUserFindsThemLaterNewestFirstAndCanMarkThemRead() {
        TestUser bob = registered();
        List<TestUser> askers = List.of(registered(), registered(), registered(), registered(), registered());
        for (TestUser asker : askers) {
            events.publishNow(EventTypes.FRIEND_REQUESTED, new FriendRequested(asker.id(), asker.username(), bob.id()));
        }
        List<JsonNode> all = awaitNotifications(bob, 5);
        assertThat(all).extracting(n -> n.get("actorId").asString())
                .containsExactlyElementsOf(askers.reversed().stream().map(u -> u.id().toString()).toList());

        Api.Response page = api.get("/api/v1/notifications?page=1&size=2", bob.token());
        assertThat(page.body().get("items")).hasSize(2);
        assertThat(page.body().get("total").asLong()).isEqualTo(5);
        assertThat(page.body().get("unreadCount").asLong()).isEqualTo(5);
        assertThat(page.body().get("items").get(0).get("id").asString()).isEqualTo(all.get(2).get("id").asString());

        String newest = all.get(0).get("id").asString();
        assertThat(api.post("/api/v1/notifications/" + newest + "/read", bob.token(), null).status()).isEqualTo(204);
        assertThat(api.post("/api/v1/notifications/" + newest + "/read", bob.token(), null).status()).as("idempotent").isEqualTo(204);
        assertThat(api.get("/api/v1/notifications/unread-count", bob.token()).body().get("unread").asLong()).isEqualTo(4);
        Api.Response unread = api.get("/api/v1/notifications?unreadOnly=true", bob.token());
        assertThat(unread.body().get("total").asLong()).isEqualTo(4);
        assertThat(unread.body().get("items")).noneMatch(n -> n.get("id").asString().equals(newest));
        assertThat(notifications(bob).getFirst().get("readAt").isNull()).isFalse();

        TestUser mallory = registered();
        Api.Response notMine = api.post("/api/v1/notifications/" + all.get(1).get("id").asString() + "/read", mallory.token(), null);
        assertThat(notMine.status()).as(notMine.toString()).isEqualTo(404);
        assertThat(notMine.code()).isEqualTo("notification_not_found");

        assertThat(api.post("/api/v1/notifications/read-all", bob.token(), null).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/notifications/unread-count", bob.token()).body().get("unread").asLong()).isZero();
        assertThat(api.get("/api/v1/notifications?unreadOnly=true", bob.token()).body().get("items")).isEmpty();
    }

    @Test
    void aDeletedMessageIsNoLongerQuoted() {
        TestUser alice = registered();
        TestUser bob = registered();
        UUID dm = room("dm", null, alice, bob);
        EventEnvelope sent = message(dm, "dm", alice, "oops, wrong chat", List.of());
        awaitNotifications(bob, 1);
        UUID messageId = UUID.fromString(sent.data().get("messageId").asString());
        events.publishNow(EventTypes.MESSAGE_DELETED, new MessageDeleted(messageId, dm, 1, alice.id()));
        eventually(WAIT, () -> assertThat(notifications(bob).getFirst().get("body").isNull()).isTrue());
    }

    @Test
    void aMemberWhoLeftIsNotMentionedAnyMore() {
        TestUser alice = registered();
        TestUser bob = registered();
        UUID roomId = room("public", "lobby", alice, bob);
        ROOM_SERVICE.forgets(roomId, bob.id());
        events.publishNow(EventTypes.ROOM_MEMBER_REMOVED, new RoomMemberRemoved(roomId, "public", bob.id(), "leave", bob.id()));
        message(roomId, "public", alice, "@" + bob.username(), List.of(bob.username()));
        drain();
        assertThat(notifications(bob)).isEmpty();
    }

    @Test
    void aJoinEventArrivingAfterTheLeaveDoesNotBringTheMentionsBack() {
        TestUser alice = registered();
        TestUser bob = registered();
        UUID roomId = room("public", "lobby", alice, bob);
        ROOM_SERVICE.forgets(roomId, bob.id());
        events.publishNow(EventTypes.ROOM_MEMBER_REMOVED, new RoomMemberRemoved(roomId, "public", bob.id(), "leave", bob.id()));
        // The join's event, delivered late (another node's backlog, another relay): room-service says he left.
        events.publishNow(EventTypes.ROOM_MEMBER_ADDED, new RoomMemberAdded(roomId, "public", "lobby", bob.id(), "member",
                "join", bob.id(), "everyone"));
        message(roomId, "public", alice, "@" + bob.username() + " the plan", List.of(bob.username()));
        drain();
        assertThat(notifications(bob)).isEmpty();
    }
}
