package dev.dingus.rooms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dingus.rooms.support.IntegrationTestBase;
import dev.dingus.testsupport.Api;
import dev.dingus.testsupport.TestUser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The membership answers for other services: only with the service credential, never with a user token. */
class InternalApiIT extends IntegrationTestBase {

    private Api.Response internal(String path, String serviceToken) {
        return api.send("GET", path, null, null, serviceToken == null ? Map.of() : Map.of("X-Dingus-Service-Token", serviceToken));
    }

    @Test
    void answersWhetherAUserIsAMemberWithRoleKindAndPostPolicy() {
        TestUser owner = newUser();
        TestUser member = newUser();
        TestUser stranger = newUser();
        UUID roomId = id(createRoom(owner, "private"));
        invite(owner, roomId, member);
        api.patch("/api/v1/rooms/" + roomId, owner.token(), Map.of("postPolicy", "admins"));

        Api.Response asOwner = internal("/internal/rooms/" + roomId + "/members/" + owner.id(), SERVICE_TOKEN);
        assertThat(asOwner.status()).as(asOwner.toString()).isEqualTo(200);
        assertThat(asOwner.body().get("member").asBoolean()).isTrue();
        assertThat(asOwner.str("role")).isEqualTo("owner");
        assertThat(asOwner.str("kind")).isEqualTo("private");
        assertThat(asOwner.str("postPolicy")).isEqualTo("admins");

        Api.Response asMember = internal("/internal/rooms/" + roomId + "/members/" + member.id(), SERVICE_TOKEN);
        assertThat(asMember.str("role")).isEqualTo("member");

        Api.Response asStranger = internal("/internal/rooms/" + roomId + "/members/" + stranger.id(), SERVICE_TOKEN);
        assertThat(asStranger.status()).isEqualTo(200);
        assertThat(asStranger.body().get("member").asBoolean()).isFalse();
        assertThat(asStranger.body().get("role").isNull()).isTrue();

        Api.Response noRoom = internal("/internal/rooms/" + UUID.randomUUID() + "/members/" + owner.id(), SERVICE_TOKEN);
        assertThat(noRoom.status()).isEqualTo(404);
        assertThat(noRoom.code()).isEqualTo("room_not_found");
    }

    @Test
    void listsEveryRoomOfAUserWithKindAndRole() {
        TestUser owner = newUser();
        TestUser other = newUser();
        UUID priv = id(createRoom(owner, "private"));
        UUID pub = id(createRoom(other, "public"));
        api.post("/api/v1/rooms/" + pub + "/join", owner.token(), null);
        String dm = api.post("/api/v1/dms", owner.token(), Map.of("userId", other.id())).str("id");

        Api.Response rooms = internal("/internal/users/" + owner.id() + "/rooms", SERVICE_TOKEN);
        assertThat(rooms.status()).isEqualTo(200);
        List<String> entries = new ArrayList<>();
        for (JsonNode item : rooms.body().get("items")) {
            entries.add(item.get("roomId").asString() + ":" + item.get("kind").asString() + ":" + item.get("role").asString());
        }
        assertThat(entries).containsExactlyInAnyOrder(priv + ":private:owner", pub + ":public:member", dm + ":dm:member");
        assertThat(internal("/internal/users/" + UUID.randomUUID() + "/rooms", SERVICE_TOKEN).body().get("items")).isEmpty();
    }

    @Test
    void refusesCallersWithoutTheServiceCredentialEvenWithAUserToken() {
        TestUser owner = newUser();
        UUID roomId = id(createRoom(owner, "public"));
        String path = "/internal/rooms/" + roomId + "/members/" + owner.id();

        assertThat(internal(path, null).status()).isEqualTo(401);
        assertThat(internal(path, "wrong").status()).isEqualTo(401);
        Api.Response withUserToken = api.get(path, owner.token());
        assertThat(withUserToken.status()).isEqualTo(401);
        assertThat(withUserToken.code()).isEqualTo("unauthorized");
        assertThat(internal("/internal/users/" + owner.id() + "/rooms", null).status()).isEqualTo(401);
    }

    /** Spring MVC decodes the path before matching it, so an encoded letter must not skip the credential check. */
    @Test
    void refusesEncodedSpellingsOfTheInternalPathWithoutTheServiceCredential() {
        TestUser owner = newUser();
        createRoom(owner, "public");
        for (String prefix : List.of("/%69nternal", "/intern%61l", "/%69%6E%74%65%72%6E%61%6C", "/INTERNAL")) {
            String path = prefix + "/users/" + owner.id() + "/rooms";
            Api.Response anonymous = internal(path, null);
            assertThat(anonymous.status()).as(path + " " + anonymous).isEqualTo(401);
            assertThat(anonymous.code()).isEqualTo("unauthorized");
            Api.Response withUserToken = api.get(path, owner.token());
            assertThat(withUserToken.status()).as(path + " " + withUserToken).isIn(401, 404);
        }
        Api.Response encodedWithCredential = internal("/%69nternal/users/" + owner.id() + "/rooms", SERVICE_TOKEN);
        assertThat(encodedWithCredential.status()).isEqualTo(200);
        assertThat(encodedWithCredential.body().get("items")).hasSize(1);
    }
}
