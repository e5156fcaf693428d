package dev.dingus.rooms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dingus.rooms.support.IntegrationTestBase;
import dev.dingus.testsupport.Api;
import dev.dingus.testsupport.TestUser;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** The configured limits hold on every way into a room, and are stated in the OpenAPI document. */
@TestPropertySource(properties = {"dingus.rooms.max-members-per-room=3", "dingus.rooms.max-rooms-per-user=2"})
class LimitsIT extends IntegrationTestBase {

    @Test
    void aFullRoomRefusesJoinsAndInvites() {
        TestUser owner = newUser();
        UUID roomId = id(createRoom(owner, "public"));
        invite(owner, roomId, newUser());
        assertThat(api.post("/api/v1/rooms/" + roomId + "/join", newUser().token(), null).status()).isEqualTo(200);

        Api.Response join = api.post("/api/v1/rooms/" + roomId + "/join", newUser().token(), null);
        assertThat(join.status()).isEqualTo(409);
        assertThat(join.code()).isEqualTo("room_full");
        Api.Response invite = api.post("/api/v1/rooms/" + roomId + "/members", owner.token(), Map.of("userId", newUser().id()));
        assertThat(invite.status()).isEqualTo(409);
        assertThat(invite.code()).isEqualTo("room_full");
        assertThat(api.get("/api/v1/rooms/" + roomId, owner.token()).body().get("memberCount").asInt()).isEqualTo(3);
    }

    @Test
    void aUserBelongsToAtMostTheConfiguredNumberOfRoomsDmsIncluded() {
        TestUser busy = newUser();
        TestUser other = newUser();
        createRoom(busy, "public");
        assertThat(api.post("/api/v1/dms", busy.token(), Map.of("userId", other.id())).status()).isEqualTo(201);

        Api.Response create = api.post("/api/v1/rooms", busy.token(), Map.of("name", "third", "kind", "public"));
        assertThat(create.status()).isEqualTo(409);
        assertThat(create.code()).isEqualTo("too_many_rooms");
        UUID elsewhere = id(createRoom(other, "public"));
        Api.Response join = api.post("/api/v1/rooms/" + elsewhere + "/join", busy.token(), null);
        assertThat(join.status()).isEqualTo(409);
        assertThat(join.code()).isEqualTo("too_many_rooms");
        Api.Response invited = api.post("/api/v1/rooms/" + elsewhere + "/members", other.token(), Map.of("userId", busy.id()));
        assertThat(invited.status()).isEqualTo(409);
        assertThat(invited.code()).isEqualTo("too_many_rooms");
        Api.Response dm = api.post("/api/v1/dms", newUser().token(), Map.of("userId", busy.id()));
        assertThat(dm.status()).isEqualTo(409);
        assertThat(dm.code()).isEqualTo("too_many_rooms");
        assertThat(api.post("/api/v1/dms", busy.token(), Map.of("userId", other.id())).status())
                .as("the existing DM is still answered").isEqualTo(200);

        assertThat(api.get("/api/v1/rooms", busy.token()).body().get("items")).hasSize(2);
    }

    @Test
    void theOpenApiDocumentStatesTheConfiguredLimits() {
        String description = api.get("/v3/api-docs", null).body().get("info").get("description").asString();
        assertThat(description).contains("at most 3 members per room").contains("at most 2 rooms");
    }
}
