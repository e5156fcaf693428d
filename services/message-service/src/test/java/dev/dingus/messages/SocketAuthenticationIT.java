package dev.dingus.messages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dingus.messages.support.IntegrationTestBase;
import dev.dingus.messages.support.SocketClients;
import dev.dingus.messages.support.TestUser;
import dev.dingus.platform.web.security.RevokedSessions;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The handshake needs a valid access token; `authenticate` refreshes it; a revoked session loses its sockets. */
class SocketAuthenticationIT extends IntegrationTestBase {

    @Autowired
    RevokedSessions revokedSessions;

    private SocketClients.Connection connectWith(Map<String, Object> options) {
        return sockets.connect("c-" + UUID.randomUUID(), socketUrl(), options);
    }

    @Test
    void aHandshakeWithoutTokenIsRefusedWithACode() {
        SocketClients.Connection c = connectWith(Map.of());
        assertThat(c.ok()).isFalse();
        assertThat(c.error().path("message").asString()).contains("Authentication required");
        assertThat(c.error().path("data").path("code").asString()).isEqualTo("unauthorized");
    }

    @Test
    void badExpiredAndForeignTokensAreRefusedWithTheirCodes() {
        TestUser u = newUser();
        assertThat(connectWith(Map.of("auth", Map.of("token", "not-a-jwt"))).error().path("data").path("code").asString())
                .isEqualTo("token_invalid");
        assertThat(connectWith(Map.of("auth", Map.of("token", TOKENS.expiredTokenFor(u.id(), u.username()))))
                .error().path("data").path("code").asString()).isEqualTo("token_expired");
        assertThat(connectWith(Map.of("auth", Map.of("token", TOKENS.otherKeyTokenFor(u.id(), u.username()))))
                .error().path("data").path("code").asString()).isEqualTo("token_invalid");
    }

    @Test
    void aRevokedSessionCannotConnect() {
        TestUser u = newUser();
        revokedSessions.revoke(u.sessionId());
        SocketClients.Connection c = connectWith(Map.of("auth", Map.of("token", u.token())));
        assertThat(c.ok()).isFalse();
        assertThat(c.error().path("data").path("code").asString()).isEqualTo("session_revoked");
    }

    @Test
    void olderClientsMayPassTheTokenAsQueryParameterOrBearerHeader() {
        TestUser u = newUser();
        assertThat(connectWith(Map.of("query", Map.of("token", u.token()))).ok()).isTrue();
        assertThat(connectWith(Map.of("extraHeaders", Map.of("Authorization", "Bearer " + u.token()))).ok()).isTrue();
    }

    @Test
    void revokingASessionDisconnectsItsSocketsWithinASecondAndLeavesOtherSessionsAlone() {
        TestUser u = newUser();
        TestUser otherDevice = new TestUser(u.id(), u.username(), UUID.randomUUID().toString(),
                TOKENS.tokenFor(u.id(), u.username(), UUID.randomUUID().toString()));
        SocketClients.Client revokedOne = connect(u);
        SocketClients.Client keptOne = sockets.connectWithToken("kept-" + UUID.randomUUID(), socketUrl(), otherDevice.token());

        long start = System.nanoTime();
        revokedSessions.revoke(u.sessionId());
        String reason = revokedOne.awaitDisconnect(WAIT);
        long tookMillis = (System.nanoTime() - start) / 1_000_000;
        assertThat(reason).isEqualTo("io server disconnect");
        // Within a second (the issue), plus slack for scheduling on a busy machine.
        assertThat(tookMillis).as("disconnect after revocation, ms")
                .isLessThan(Duration.ofSeconds(1).plus(SCHEDULING_SLACK).toMillis());
        assertThat(revokedOne.events("error")).anySatisfy(e ->
                assertThat(e.path("error").path("code").asString()).isEqualTo("session_revoked"));
        SocketClients.sleep(200);
        assertThat(keptOne.disconnected()).isFalse();
    }

    @Test
    void authenticateSwapsInAFreshTokenOfTheSameUser() {
        TestUser u = newUser();
        SocketClients.Client c = connect(u);
        String freshSession = UUID.randomUUID().toString();
        JsonNode ack = c.emitAck("authenticate", map("token", TOKENS.tokenFor(u.id(), u.username(), freshSession)));
        assertThat(ack.path("success").asBoolean()).as(ack.toString()).isTrue();
        assertThat(ack.path("userId").asString()).isEqualTo(u.id().toString());
        JsonNode event = c.awaitEvent("authenticated", WAIT);
        assertThat(event.path("success").asBoolean()).isTrue();

        // The socket now belongs to the new session: revoking the old one leaves it, revoking the new one ends it.
        revokedSessions.revoke(u.sessionId());
        SocketClients.sleep(300);
        assertThat(c.disconnected()).isFalse();
        revokedSessions.revoke(freshSession);
        assertThat(c.awaitDisconnect(WAIT)).isEqualTo("io server disconnect");
    }

    @Test
    void authenticateRefusesAnotherUsersTokenAndBadTokens() {
        TestUser u = newUser();
        TestUser other = newUser();
        SocketClients.Client c = connect(u);
        JsonNode foreign = c.emitAck("authenticate", map("token", other.token()));
        assertThat(foreign.path("success").asBoolean()).isFalse();
        assertThat(foreign.path("error").path("code").asString()).isEqualTo("forbidden");
        JsonNode bad = c.emitAck("authenticate", map("token", "garbage"));
        assertThat(bad.path("error").path("code").asString()).isEqualTo("token_invalid");
        JsonNode missing = c.emitAck("authenticate", map());
        assertThat(missing.path("error").path("code").asString()).isEqualTo("validation_failed");
        assertThat(c.events("authenticated")).hasSize(3).allSatisfy(e -> assertThat(e.path("success").asBoolean()).isFalse());
        // Still the same user, still connected.
        assertThat(c.disconnected()).isFalse();
    }
}
