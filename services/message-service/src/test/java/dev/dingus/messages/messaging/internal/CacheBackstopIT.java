package dev.dingus.messages.messaging.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dingus.contracts.events.EventTypes;
import dev.dingus.contracts.events.MessageCreated;
import dev.dingus.contracts.events.MessageDeleted;
import dev.dingus.contracts.events.MessageEdited;
import dev.dingus.messages.core.MessageView;
import dev.dingus.messages.core.RedisKeys;
import dev.dingus.messages.core.Times;
import dev.dingus.messages.messaging.internal.MessageStore.NewRow;
import dev.dingus.messages.support.Api;
import dev.dingus.messages.support.IntegrationTestBase;
import dev.dingus.messages.support.TestUser;
import dev.dingus.platform.events.outbox.Outbox;
import dev.dingus.platform.events.outbox.OutboxRelay;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * A node that dies between a commit and its cache write: simulated by committing exactly what the writer and the
 * edit and delete paths commit (rows and outbox events) and doing nothing after. The latest page, served from
 * Redis, must still come to show what was committed, through whichever node relays the events.
 */
class CacheBackstopIT extends IntegrationTestBase {
    @Autowired MessageStore store;
    @Autowired Outbox outbox;
    @Autowired OutboxRelay relay;
    @Autowired TransactionTemplate tx;
    @Autowired StringRedisTemplate redis;
    @Autowired RedisKeys keys;

    @Test
    void messagesCommittedByANodeThatDiedBeforeItsCacheWriteShowInTheLatestPage() {
        TestUser alice = newUser();
        UUID roomId = room(alice);
        sendOverHttp(alice, roomId, "one", "two", "three");
        assertThat(contents(latestPage(alice, roomId))).containsExactly("one", "two", "three");

        commitWithoutCacheWrite(alice, roomId, "four", "five");

        awaitTrue(() -> contents(latestPage(alice, roomId)).equals(List.of("one", "two", "three", "four", "five")),
                "the latest page to show the two messages committed without a cache write");
    }

    @Test
    void anEditAndADeleteCommittedByANodeThatDiedBeforeItsCacheWriteShowInTheLatestPage() {
        TestUser alice = newUser();
        UUID roomId = room(alice);
        sendOverHttp(alice, roomId, "kept", "to be edited", "to be deleted");
        JsonNode page = latestPage(alice, roomId);
        UUID edited = UUID.fromString(page.path(1).path("id").asString());
        UUID deleted = UUID.fromString(page.path(2).path("id").asString());

        tx.executeWithoutResult(status -> {
            Instant now = Times.now();
            MessageView view = store.updateContent(edited, "edited text", now);
            outbox.publish(EventTypes.MESSAGE_EDITED, new MessageEdited(edited, roomId, view.seq(), alice.id(), now));
            MessageView tombstone = store.markDeleted(deleted, alice.id(), now);
            outbox.publish(EventTypes.MESSAGE_DELETED, new MessageDeleted(deleted, roomId, tombstone.seq(), alice.id()));
        });

        awaitTrue(() -> {
            JsonNode latest = latestPage(alice, roomId);
            return latest.path(1).path("content").asString().equals("edited text")
                    && !latest.path(1).path("edited_at").isNull()
                    && latest.path(2).path("deleted").asBoolean() && latest.path(2).path("content").asString().isEmpty();
        }, "the latest page to show the edit and the delete committed without a cache write");
    }

    @Test
    void whatTheNodeWroteToTheCacheItselfIsNotDroppedAgain() {
        TestUser alice = newUser();
        UUID roomId = room(alice);
        sendOverHttp(alice, roomId, "one");
        latestPage(alice, roomId);
        String versionBefore = redis.opsForValue().get(keys.latestPageVersion(roomId));

        // Each call answers after the node's own cache write. In production the relay waits for more commits (50 ms)
        // before it reads; here it waits for the test, so that a loaded machine cannot make it read first.
        relay.stop();
        try {
            sendOverHttp(alice, roomId, "two", "three");
            String edited = latestPage(alice, roomId).path(1).path("id").asString();
            assertThat(api().patch("/api/v1/messages/" + edited, alice.token(), map("content", "two, edited")).status()).isEqualTo(200);
            String deleted = latestPage(alice, roomId).path(2).path("id").asString();
            assertThat(api().delete("/api/v1/messages/" + deleted, alice.token()).status()).isEqualTo(204);
        } finally {
            relay.start();
        }
        awaitTrue(() -> relay.pending() == 0, "the relay to publish the sends, the edit and the delete");
        relay.relayBatch(); // synchronized with the relay's own batches: the last one has told its listeners

        // The edit and the delete moved the version once each (the node's own cache writes); the relay moved it no further.
        assertThat(redis.opsForValue().get(keys.latestPageVersion(roomId)))
                .isEqualTo(Long.toString((versionBefore == null ? 0 : Long.parseLong(versionBefore)) + 2));
        assertThat(redis.hasKey(keys.latestPage(roomId))).isTrue();
    }

    /** What {@link GroupCommitWriter} commits for these sends, and nothing of what it does after the commit. */
    private void commitWithoutCacheWrite(TestUser sender, UUID roomId, String... contents) {
        tx.executeWithoutResult(status -> {
            Instant now = Times.now();
            List<NewRow> rows = new java.util.ArrayList<>();
            for (String content : contents) {
                rows.add(new NewRow(UUID.randomUUID(), roomId, sender.id(), sender.username(), content, null));
            }
            Map<UUID, Long> seqs = store.insertAll(rows, now);
            List<MessageCreated> events = rows.stream().map(row -> new MessageCreated(row.id(), roomId, "private",
                    seqs.get(row.id()), sender.id(), sender.username(), row.content(), List.of(), now)).toList();
            outbox.publishAll(EventTypes.MESSAGE_CREATED, events);
        });
    }

    private void sendOverHttp(TestUser user, UUID roomId, String... contents) {
        for (String content : contents) {
            Api.Response r = api().post("/api/v1/rooms/" + roomId + "/messages", user.token(), map("content", content));
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
        }
    }

    private JsonNode latestPage(TestUser user, UUID roomId) {
        Api.Response r = api().get("/api/v1/rooms/" + roomId + "/messages", user.token());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.body().path("messages");
    }

    private static List<String> contents(JsonNode messages) {
        return java.util.stream.StreamSupport.stream(messages.spliterator(), false).map(m -> m.path("content").asString()).toList();
    }
}
