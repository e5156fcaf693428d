package dev.dingus.rooms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dingus.rooms.support.IntegrationTestBase;
import dev.dingus.rooms.support.RoomEventLog.Event;
import dev.dingus.testsupport.Api;
import dev.dingus.testsupport.TestUser;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Every room endpoint of docs/api.md, with the events each change publishes (exactly once, right content). */
class RoomsIT extends IntegrationTestBase {

    @Test
    void creatingARoomMakesTheCreatorOwnerAndPublishesCreatedThenOwnerAdded() {
        TestUser owner = newUser();
        Map<String, Object> body = new HashMap<>();
        body.put("name", "  Rust fans  ");
        body.put("topic", "borrow checker support group");
        body.put("kind", "private");
        body.put("postPolicy", "admins");
        Api.Response created = api.post("/api/v1/rooms", owner.token(), body);

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode room = created.body();
        assertThat(room.get("name").asString()).isEqualTo("Rust fans");
        assertThat(room.get("topic").asString()).isEqualTo("borrow checker support group");
        assertThat(room.get("kind").asString()).isEqualTo("private");
        assertThat(room.get("postPolicy").asString()).isEqualTo("admins");
        assertThat(room.get("ownerId").asString()).isEqualTo(owner.id().toString());
        assertThat(room.get("memberCount").asInt()).isEqualTo(1);
        assertThat(room.get("myRole").asString()).isEqualTo("owner");
        assertThat(room.get("otherUserId").isNull()).isTrue();
        assertThat(room.get("createdAt").asString()).endsWith("Z");

        UUID roomId = id(room);
        List<Event> published = settledEvents(roomId, 2);
        assertThat(published).extracting(Event::type).containsExactly("room.created", "room.member.added");
        Event createdEvent = published.get(0);
        assertThat(createdEvent.field("kind")).isEqualTo("private");
        assertThat(createdEvent.field("name")).isEqualTo("Rust fans");
        assertThat(createdEvent.field("postPolicy")).isEqualTo("admins");
        assertThat(createdEvent.field("ownerId")).isEqualTo(owner.id().toString());
        assertThat(createdEvent.envelope().get("producer").asString()).isEqualTo("room-service");
        Event added = published.get(1);
        assertThat(added.field("userId")).isEqualTo(owner.id().toString());
        assertThat(added.field("role")).isEqualTo("owner");
        assertThat(added.field("via")).isEqualTo("create");
        assertThat(added.field("kind")).isEqualTo("private");
        assertThat(added.field("roomName")).isEqualTo("Rust fans");
        assertThat(added.field("postPolicy")).isEqualTo("admins");
        assertThat(added.field("actorId")).isEqualTo(owner.id().toString());
    }

    @Test
    void postPolicyDefaultsToEveryoneAndTopicIsOptional() {
        TestUser owner = newUser();
        JsonNode room = createRoom(owner, "Lobby", "public");
        assertThat(room.get("postPolicy").asString()).isEqualTo("everyone");
        assertThat(room.get("topic").isNull()).isTrue();
    }

    @Test
    void membersSeeTheirRoomsInTheirListWithRoleCountAndKind() {
        TestUser owner = newUser();
        TestUser guest = newUser();
        UUID priv = id(createRoom(owner, "private"));
        UUID pub = id(createRoom(owner, "public"));
        invite(owner, priv, guest);

        JsonNode ownerRooms = api.get("/api/v1/rooms", owner.token()).body().get("items");
        assertThat(ids(ownerRooms)).containsExactlyInAnyOrder(priv.toString(), pub.toString());
        JsonNode guestRooms = api.get("/api/v1/rooms", guest.token()).body().get("items");
        assertThat(ids(guestRooms)).containsExactly(priv.toString());
        JsonNode seen = guestRooms.get(0);
        assertThat(seen.get("myRole").asString()).isEqualTo("member");
        assertThat(seen.get("memberCount").asInt()).isEqualTo(2);
        assertThat(seen.get("kind").asString()).isEqualTo("private");
    }

    @Test
    void aPrivateRoomDoesNotExistForNonMembersButAPublicOneIsReadableByAnyone() {
        TestUser owner = newUser();
        TestUser stranger = newUser();
        UUID priv = id(createRoom(owner, "private"));
        UUID pub = id(createRoom(owner, "public"));

        Api.Response hidden = api.get("/api/v1/rooms/" + priv, stranger.token());
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.code()).isEqualTo("room_not_found");
        Api.Response missing = api.get("/api/v1/rooms/" + UUID.randomUUID(), stranger.token());
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body().get("detail")).isEqualTo(hidden.body().get("detail"));
        assertThat(api.get("/api/v1/rooms/" + priv + "/members", stranger.token()).status()).isEqualTo(404);

        Api.Response visible = api.get("/api/v1/rooms/" + pub, stranger.token());
        assertThat(visible.status()).isEqualTo(200);
        assertThat(visible.body().get("myRole").isNull()).isTrue();
        assertThat(api.get("/api/v1/rooms/" + pub + "/members", stranger.token()).status()).isEqualTo(200);
    }

    @Test
    void adminsChangeSettingsAndRoomUpdatedCarriesKindAndPostPolicy() {
        TestUser owner = newUser();
        TestUser admin = newUser();
        UUID roomId = id(createRoom(owner, "Old name", "public"));
        invite(owner, roomId, admin);
        setRole(owner, roomId, admin, "admin");

        Api.Response updated = api.patch("/api/v1/rooms/" + roomId, admin.token(),
                Map.of("name", "New name", "topic", "fresh", "kind", "private", "postPolicy", "admins"));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.str("name")).isEqualTo("New name");
        assertThat(updated.str("topic")).isEqualTo("fresh");
        assertThat(updated.str("kind")).isEqualTo("private");
        assertThat(updated.str("postPolicy")).isEqualTo("admins");
        assertThat(updated.str("myRole")).isEqualTo("admin");

        Api.Response cleared = api.patch("/api/v1/rooms/" + roomId, owner.token(), Map.of("topic", ""));
        assertThat(cleared.body().get("topic").isNull()).isTrue();
        assertThat(cleared.str("name")).isEqualTo("New name");
        Api.Response unchanged = api.patch("/api/v1/rooms/" + roomId, owner.token(), Map.of("name", "New name"));
        assertThat(unchanged.status()).isEqualTo(200);

        // created, owner added, admin added, role changed, two updates; the no-op patch publishes nothing
        List<Event> all = settledEvents(roomId, 6);
        List<Event> updates = all.stream().filter(e -> e.type().equals("room.updated")).toList();
        assertThat(updates).hasSize(2);
        Event first = updates.get(0);
        assertThat(first.field("name")).isEqualTo("New name");
        assertThat(first.field("topic")).isEqualTo("fresh");
        assertThat(first.field("kind")).isEqualTo("private");
        assertThat(first.field("postPolicy")).isEqualTo("admins");
        assertThat(first.field("updatedBy")).isEqualTo(admin.id().toString());
        assertThat(updates.get(1).field("topic")).isNull();
        assertThat(api.get("/api/v1/rooms/" + roomId, owner.token()).str("topic")).isNull();
    }

    @Test
    void theOwnerDeletesARoomAndRoomDeletedNamesItsMembers() {
        TestUser owner = newUser();
        TestUser member = newUser();
        UUID roomId = id(createRoom(owner, "private"));
        invite(owner, roomId, member);

        assertThat(api.delete("/api/v1/rooms/" + roomId, member.token()).status()).isEqualTo(403);
        Api.Response deleted = api.delete("/api/v1/rooms/" + roomId, owner.token());
        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
        assertThat(api.get("/api/v1/rooms/" + roomId, owner.token()).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/rooms", member.token()).body().get("items")).isEmpty();

        List<Event> all = settledEvents(roomId, 4);
        assertThat(all).extracting(Event::type)
                .containsExactly("room.created", "room.member.added", "room.member.added", "room.deleted");
        Event gone = all.get(3);
        assertThat(gone.field("deletedBy")).isEqualTo(owner.id().toString());
        assertThat(gone.field("kind")).isEqualTo("private");
        List<String> memberIds = new ArrayList<>();
        gone.data().get("memberIds").forEach(n -> memberIds.add(n.asString()));
        assertThat(memberIds).containsExactlyInAnyOrder(owner.id().toString(), member.id().toString());
    }

    @Test
    void anyoneJoinsAPublicRoomButNotAPrivateOne() {
        TestUser owner = newUser();
        TestUser joiner = newUser();
        UUID pub = id(createRoom(owner, "public"));
        UUID priv = id(createRoom(owner, "private"));

        Api.Response joined = api.post("/api/v1/rooms/" + pub + "/join", joiner.token(), null);
        assertThat(joined.status()).as(joined.toString()).isEqualTo(200);
        assertThat(joined.str("myRole")).isEqualTo("member");
        assertThat(joined.body().get("memberCount").asInt()).isEqualTo(2);
        Api.Response again = api.post("/api/v1/rooms/" + pub + "/join", joiner.token(), null);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("memberCount").asInt()).isEqualTo(2);

        Api.Response refused = api.post("/api/v1/rooms/" + priv + "/join", joiner.token(), null);
        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.code()).isEqualTo("room_not_found");

        List<Event> all = settledEvents(pub, 3);
        assertThat(all).extracting(Event::type).containsExactly("room.created", "room.member.added", "room.member.added");
        assertThat(all.get(2).field("via")).isEqualTo("join");
        assertThat(all.get(2).field("role")).isEqualTo("member");
        assertThat(all.get(2).field("userId")).isEqualTo(joiner.id().toString());
    }

    @Test
    void invitingAddsAnExistingUserOnceAndRefusesUnknownUsers() {
        TestUser owner = newUser();
        TestUser guest = newUser();
        UUID roomId = id(createRoom(owner, "private"));

        Api.Response invited = api.post("/api/v1/rooms/" + roomId + "/members", owner.token(), Map.of("userId", guest.id()));
        assertThat(invited.status()).as(invited.toString()).isEqualTo(201);
        assertThat(invited.str("userId")).isEqualTo(guest.id().toString());
        assertThat(invited.str("role")).isEqualTo("member");
        assertThat(invited.str("joinedAt")).isNotNull();

        Api.Response twice = api.post("/api/v1/rooms/" + roomId + "/members", owner.token(), Map.of("userId", guest.id()));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.code()).isEqualTo("already_member");

        Api.Response nobody = api.post("/api/v1/rooms/" + roomId + "/members", owner.token(), Map.of("userId", UUID.randomUUID()));
        assertThat(nobody.status()).isEqualTo(404);
        assertThat(nobody.code()).isEqualTo("user_not_found");

        List<Event> all = settledEvents(roomId, 3);
        assertThat(all).extracting(Event::type).containsExactly("room.created", "room.member.added", "room.member.added");
        Event added = all.get(2);
        assertThat(added.field("via")).isEqualTo("invite");
        assertThat(added.field("actorId")).isEqualTo(owner.id().toString());
        assertThat(added.field("userId")).isEqualTo(guest.id().toString());
    }

    @Test
    void membersAreListedOwnerFirstThenAdminsThenMembersPageByPage() {
        TestUser owner = newUser();
        UUID roomId = id(createRoom(owner, "public"));
        List<TestUser> others = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            TestUser u = newUser();
            invite(owner, roomId, u);
            others.add(u);
        }
        setRole(owner, roomId, others.get(3), "admin");

        Api.Response first = api.get("/api/v1/rooms/" + roomId + "/members?page=0&size=2", owner.token());
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().get("total").asInt()).isEqualTo(5);
        assertThat(first.body().get("page").asInt()).isEqualTo(0);
        assertThat(first.body().get("size").asInt()).isEqualTo(2);
        JsonNode items = first.body().get("items");
        assertThat(items.get(0).get("userId").asString()).isEqualTo(owner.id().toString());
        assertThat(items.get(0).get("role").asString()).isEqualTo("owner");
        assertThat(items.get(1).get("userId").asString()).isEqualTo(others.get(3).id().toString());
        assertThat(items.get(1).get("role").asString()).isEqualTo("admin");

        JsonNode second = api.get("/api/v1/rooms/" + roomId + "/members?page=1&size=2", owner.token()).body().get("items");
        assertThat(userIds(second)).containsExactly(others.get(0).id().toString(), others.get(1).id().toString());
        JsonNode third = api.get("/api/v1/rooms/" + roomId + "/members?page=2&size=2", owner.token()).body().get("items");
        assertThat(userIds(third)).containsExactly(others.get(2).id().toString());
    }

    @Test
    void adminsRemoveMembersAndRoomMemberRemovedSaysWhy() {
        TestUser owner = newUser();
        TestUser admin = newUser();
        TestUser member = newUser();
        UUID roomId = id(createRoom(owner, "private"));
        invite(owner, roomId, admin);
        invite(owner, roomId, member);
        setRole(owner, roomId, admin, "admin");

        Api.Response removed = api.delete("/api/v1/rooms/" + roomId + "/members/" + member.id(), admin.token());
        assertThat(removed.status()).as(removed.toString()).isEqualTo(204);
        assertThat(api.get("/api/v1/rooms/" + roomId, member.token()).status()).isEqualTo(404);
        Api.Response notThere = api.delete("/api/v1/rooms/" + roomId + "/members/" + member.id(), admin.token());
        assertThat(notThere.status()).isEqualTo(404);
        assertThat(notThere.code()).isEqualTo("not_a_member");

        Api.Response ownerStays = api.delete("/api/v1/rooms/" + roomId + "/members/" + owner.id(), admin.token());
        assertThat(ownerStays.status()).isEqualTo(403);
        Api.Response self = api.delete("/api/v1/rooms/" + roomId + "/members/" + admin.id(), admin.token());
        assertThat(self.status()).isEqualTo(409);
        Api.Response adminByOwner = api.delete("/api/v1/rooms/" + roomId + "/members/" + admin.id(), owner.token());
        assertThat(adminByOwner.status()).isEqualTo(204);

        List<Event> all = settledEvents(roomId, 7);
        List<Event> removals = all.stream().filter(e -> e.type().equals("room.member.removed")).toList();
        assertThat(removals).hasSize(2);
        assertThat(removals.get(0).field("userId")).isEqualTo(member.id().toString());
        assertThat(removals.get(0).field("reason")).isEqualTo("remove");
        assertThat(removals.get(0).field("actorId")).isEqualTo(admin.id().toString());
        assertThat(removals.get(0).field("kind")).isEqualTo("private");
        assertThat(removals.get(1).field("userId")).isEqualTo(admin.id().toString());
        assertThat(api.get("/api/v1/rooms/" + roomId, owner.token()).body().get("memberCount").asInt()).isEqualTo(1);
    }

    @Test
    void adminsCannotRemoveOtherAdmins() {
        TestUser owner = newUser();
        TestUser admin = newUser();
        TestUser otherAdmin = newUser();
        UUID roomId = id(createRoom(owner, "private"));
        invite(owner, roomId, admin);
        invite(owner, roomId, otherAdmin);
        setRole(owner, roomId, admin, "admin");
        setRole(owner, roomId, otherAdmin, "admin");

        Api.Response refused = api.delete("/api/v1/rooms/" + roomId + "/members/" + otherAdmin.id(), admin.token());
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("forbidden");
    }

    @Test
    void theOwnerChangesRolesAndHandsOverOwnership() {
        TestUser owner = newUser();
        TestUser heir = newUser();
        UUID roomId = id(createRoom(owner, "private"));
        invite(owner, roomId, heir);

        Api.Response promoted = api.put("/api/v1/rooms/" + roomId + "/members/" + heir.id() + "/role", owner.token(),
                Map.of("role", "admin"));
        assertThat(promoted.status()).isEqualTo(200);
        assertThat(promoted.str("role")).isEqualTo("admin");
        Api.Response same = api.put("/api/v1/rooms/" + roomId + "/members/" + heir.id() + "/role", owner.token(),
                Map.of("role", "admin"));
        assertThat(same.status()).isEqualTo(200);

        Api.Response ownSelfDemotion = api.put("/api/v1/rooms/" + roomId + "/members/" + owner.id() + "/role", owner.token(),
                Map.of("role", "member"));
        assertThat(ownSelfDemotion.status()).isEqualTo(409);

        Api.Response handover = api.put("/api/v1/rooms/" + roomId + "/members/" + heir.id() + "/role", owner.token(),
                Map.of("role", "owner"));
        assertThat(handover.status()).as(handover.toString()).isEqualTo(200);
        assertThat(handover.str("role")).isEqualTo("owner");
        JsonNode room = api.get("/api/v1/rooms/" + roomId, owner.token()).body();
        assertThat(room.get("ownerId").asString()).isEqualTo(heir.id().toString());
        assertThat(room.get("myRole").asString()).isEqualTo("admin");
        assertThat(api.delete("/api/v1/rooms/" + roomId, owner.token()).status()).isEqualTo(403);

        List<Event> all = settledEvents(roomId, 6);
        List<Event> roles = all.stream().filter(e -> e.type().equals("room.member.role_changed")).toList();
        assertThat(roles).extracting(e -> e.field("userId") + "=" + e.field("role")).containsExactly(
                heir.id() + "=admin", owner.id() + "=admin", heir.id() + "=owner");
        assertThat(roles).allSatisfy(e -> assertThat(e.field("actorId")).isEqualTo(owner.id().toString()));
        Api.Response notMember = api.put("/api/v1/rooms/" + roomId + "/members/" + UUID.randomUUID() + "/role",
                heir.token(), Map.of("role", "admin"));
        assertThat(notMember.status()).isEqualTo(404);
        assertThat(notMember.code()).isEqualTo("not_a_member");
    }

    @Test
    void aLeavingOwnerHandsOwnershipToTheOldestAdmin() {
        TestUser owner = newUser();
        TestUser oldMember = newUser();
        TestUser olderAdmin = newUser();
        TestUser youngerAdmin = newUser();
        UUID roomId = id(createRoom(owner, "private"));
        invite(owner, roomId, oldMember);
        invite(owner, roomId, olderAdmin);
        invite(owner, roomId, youngerAdmin);
        setRole(owner, roomId, youngerAdmin, "admin");
        setRole(owner, roomId, olderAdmin, "admin");

        Api.Response left = api.post("/api/v1/rooms/" + roomId + "/leave", owner.token(), null);
        assertThat(left.status()).as(left.toString()).isEqualTo(204);
        JsonNode room = api.get("/api/v1/rooms/" + roomId, olderAdmin.token()).body();
        assertThat(room.get("ownerId").asString()).isEqualTo(olderAdmin.id().toString());
        assertThat(room.get("myRole").asString()).isEqualTo("owner");
        assertThat(room.get("memberCount").asInt()).isEqualTo(3);
        assertThat(api.get("/api/v1/rooms/" + roomId, owner.token()).status()).isEqualTo(404);

        List<Event> all = settledEvents(roomId, 9);
        assertThat(all.subList(7, 9)).extracting(Event::type).containsExactly("room.member.removed", "room.member.role_changed");
        assertThat(all.get(7).field("reason")).isEqualTo("leave");
        assertThat(all.get(7).field("userId")).isEqualTo(owner.id().toString());
        assertThat(all.get(8).field("userId")).isEqualTo(olderAdmin.id().toString());
        assertThat(all.get(8).field("role")).isEqualTo("owner");
    }

    @Test
    void aLeavingOwnerWithoutAdminsHandsOwnershipToTheOldestMember() {
        TestUser owner = newUser();
        TestUser oldest = newUser();
        TestUser younger = newUser();
        UUID roomId = id(createRoom(owner, "public"));
        invite(owner, roomId, oldest);
        assertThat(api.post("/api/v1/rooms/" + roomId + "/join", younger.token(), null).status()).isEqualTo(200);

        assertThat(api.post("/api/v1/rooms/" + roomId + "/leave", owner.token(), null).status()).isEqualTo(204);
        JsonNode room = api.get("/api/v1/rooms/" + roomId, younger.token()).body();
        assertThat(room.get("ownerId").asString()).isEqualTo(oldest.id().toString());
        JsonNode members = api.get("/api/v1/rooms/" + roomId + "/members", younger.token()).body().get("items");
        assertThat(members.get(0).get("userId").asString()).isEqualTo(oldest.id().toString());
        assertThat(members.get(0).get("role").asString()).isEqualTo("owner");
    }

    @Test
    void theLastMemberLeavingDeletesTheRoom() {
        TestUser owner = newUser();
        TestUser member = newUser();
        UUID roomId = id(createRoom(owner, "private"));
        invite(owner, roomId, member);
        assertThat(api.post("/api/v1/rooms/" + roomId + "/leave", member.token(), null).status()).isEqualTo(204);
        assertThat(api.post("/api/v1/rooms/" + roomId + "/leave", owner.token(), null).status()).isEqualTo(204);

        assertThat(api.get("/api/v1/rooms/" + roomId, owner.token()).status()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT count(*) FROM rooms WHERE id = ?").param(roomId).query(Integer.class).single()).isZero();
        List<Event> all = settledEvents(roomId, 6);
        assertThat(all).extracting(Event::type).containsExactly("room.created", "room.member.added", "room.member.added",
                "room.member.removed", "room.member.removed", "room.deleted");
        assertThat(all.get(5).field("deletedBy")).isEqualTo(owner.id().toString());
        assertThat(all.get(5).data().get("memberIds")).isEmpty();
    }

    @Test
    void leavingARoomOneIsNotInIsNotFound() {
        TestUser owner = newUser();
        TestUser stranger = newUser();
        UUID pub = id(createRoom(owner, "public"));
        Api.Response r = api.post("/api/v1/rooms/" + pub + "/leave", stranger.token(), null);
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.code()).isEqualTo("not_a_member");
    }

    @Test
    void discoveryFindsPublicRoomsByAnyPartOfTheNamePageByPage() {
        TestUser owner = newUser();
        String tag = "zq" + UUID.randomUUID().toString().substring(0, 6);
        for (String n : List.of("Alpha " + tag, "beta " + tag.toUpperCase(), "Gamma " + tag, "Delta " + tag)) {
            createRoom(owner, n, "public");
        }
        createRoom(owner, "Secret " + tag, "private");
        createRoom(owner, "100%_" + tag, "public");

        Api.Response page0 = api.get("/api/v1/rooms/discover?q=" + tag + "&page=0&size=3", owner.token());
        assertThat(page0.status()).as(page0.toString()).isEqualTo(200);
        assertThat(page0.body().get("total").asInt()).isEqualTo(5);
        assertThat(names(page0.body().get("items")))
                .containsExactly("100%_" + tag, "Alpha " + tag, "beta " + tag.toUpperCase());
        Api.Response page1 = api.get("/api/v1/rooms/discover?q=" + tag + "&page=1&size=3", owner.token());
        assertThat(names(page1.body().get("items"))).containsExactly("Delta " + tag, "Gamma " + tag);
        assertThat(page1.body().get("items").get(0).get("myRole").asString()).isEqualTo("owner");

        Api.Response literal = api.get("/api/v1/rooms/discover?q=%25_" + tag, owner.token());
        assertThat(names(literal.body().get("items"))).containsExactly("100%_" + tag);
        TestUser stranger = newUser();
        JsonNode seen = api.get("/api/v1/rooms/discover?q=" + tag + "&size=100", stranger.token()).body().get("items");
        assertThat(seen).hasSize(5);
        assertThat(seen.get(0).get("myRole").isNull()).isTrue();
    }

    @Test
    void theOpenApiDocumentListsTheEndpointsAndStatesLimitsAndNameRules() {
        Api.Response doc = api.get("/v3/api-docs", null);
        assertThat(doc.status()).isEqualTo(200);
        JsonNode paths = doc.body().get("paths");
        assertThat(paths.has("/api/v1/rooms")).isTrue();
        assertThat(paths.has("/api/v1/rooms/discover")).isTrue();
        assertThat(paths.has("/api/v1/rooms/{id}/members/{userId}/role")).isTrue();
        assertThat(paths.has("/api/v1/dms")).isTrue();
        assertThat(paths.has("/internal/users/{userId}/rooms")).isFalse();
        String description = doc.body().get("info").get("description").asString();
        assertThat(description).contains("at most 1000 members per room").contains("at most 500 rooms");
        JsonNode name = doc.body().get("components").get("schemas").get("CreateRoomRequest").get("properties").get("name");
        assertThat(name.get("maxLength").asInt()).isEqualTo(80);
        assertThat(name.get("minLength").asInt()).isEqualTo(1);
    }

    private static List<String> ids(JsonNode items) {
        List<String> out = new ArrayList<>();
        items.forEach(n -> out.add(n.get("id").asString()));
        return out;
    }

    private static List<String> userIds(JsonNode items) {
        List<String> out = new ArrayList<>();
        items.forEach(n -> out.add(n.get("userId").asString()));
        return out;
    }

    private static List<String> names(JsonNode items) {
        List<String> out = new ArrayList<>();
        items.forEach(n -> out.add(n.get("name").asString()));
        return out;
    }
}
