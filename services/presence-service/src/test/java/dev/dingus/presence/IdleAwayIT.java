package dev.dingus.presence;

import static dev.dingus.testsupport.Eventually.during;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dingus.contracts.realtime.SocketEvents;
import dev.dingus.presence.support.PresenceTestBase;
import dev.dingus.testsupport.TestUser;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** Away after the idle time, back online on activity: an activity ping or a message sent (recorded by message-service). */
@TestPropertySource(properties = "dingus.presence.idle-after=" + IdleAwayIT.IDLE_SECONDS + "s")
class IdleAwayIT extends PresenceTestBase {
    /**
     * Long enough that "online right after the activity" cannot turn into "away" before the next request is
     * answered, even on a loaded 2-core CI machine where one request can take a second or more.
     */
    static final int IDLE_SECONDS = 4;
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void anIdleUserTurnsAwayAndActivityBringsThemBack() {
        TestUser alice = newUser();
        TestUser bob = newUser();
        sameRoom(UUID.randomUUID(), alice, bob);
        try (Heartbeats beating = heartbeats()) {
            node.connect(alice.id());
            fanout.await(target(bob), SocketEvents.PRESENCE_UPDATE, got -> got.size() == 1, WAIT);
            fanout.await(target(bob), SocketEvents.PRESENCE_UPDATE,
                    got -> got.size() == 2 && got.get(1).path("status").asString().equals("away"), WAIT);
            assertThat(statusOf(bob, alice)).isEqualTo("away");

            assertThat(api.post("/api/v1/presence/me/activity", alice.token(), null).status()).isEqualTo(204);
            assertThat(statusOf(bob, alice)).isEqualTo("online");
            fanout.await(target(bob), SocketEvents.PRESENCE_UPDATE,
                    got -> got.size() >= 4 && got.get(3).path("status").asString().equals("away"), WAIT);

            node.messageSent(alice.id()); // written by message-service, noticed by the idle sweep
            fanout.await(target(bob), SocketEvents.PRESENCE_UPDATE,
                    got -> got.size() >= 5 && got.get(4).path("status").asString().equals("online"), WAIT);
            assertThat(statusOf(bob, alice)).isEqualTo("online");
        }
    }

    @Test
    void doNotDisturbIsKeptWhateverTheActivity() {
        TestUser alice = newUser();
        TestUser bob = newUser();
        try (Heartbeats beating = heartbeats()) {
            node.connect(alice.id());
            assertThat(api.put("/api/v1/presence/me", alice.token(), Map.of("status", "dnd")).str("status")).isEqualTo("dnd");
            // Longer than the idle time: do-not-disturb does not turn into away either.
            during(Duration.ofSeconds(IDLE_SECONDS + 1), () -> assertThat(statusOf(bob, alice)).isEqualTo("dnd"));
            api.post("/api/v1/presence/me/activity", alice.token(), null);
            assertThat(statusOf(bob, alice)).isEqualTo("dnd");
        }
    }
}
