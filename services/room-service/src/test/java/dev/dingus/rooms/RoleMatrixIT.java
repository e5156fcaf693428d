package dev.dingus.rooms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dingus.rooms.support.IntegrationTestBase;
import dev.dingus.testsupport.Api;
import dev.dingus.testsupport.TestUser;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Who may do what, as one table: every action by the owner, an admin, a member and a non-member, in a
 * private and in a public room. A private room does not exist for non-members (404); a room one sees but
 * may not change answers 403.
 */
class RoleMatrixIT extends IntegrationTestBase {

    @Override
    protected boolean capturesEvents() {
        return false;
    }

    enum Actor { OWNER, ADMIN, MEMBER, NON_MEMBER }

    enum Action { GET, LIST_MEMBERS, UPDATE, INVITE, REMOVE_MEMBER, CHANGE_ROLE, DELETE, JOIN, LEAVE }

    static Stream<Arguments> matrix() {
        return Stream.of(
                // action           kind        owner admin member non-member
                row(Action.GET, "private", 200, 200, 200, 404),
                row(Action.GET, "public", 200, 200, 200, 200),
                row(Action.LIST_MEMBERS, "private", 200, 200, 200, 404),
                row(Action.LIST_MEMBERS, "public", 200, 200, 200, 200),
                row(Action.UPDATE, "private", 200, 200, 403, 404),
                row(Action.UPDATE, "public", 200, 200, 403, 403),
                row(Action.INVITE, "private", 201, 201, 403, 404),
                row(Action.INVITE, "public", 201, 201, 403, 403),
                row(Action.REMOVE_MEMBER, "private", 204, 204, 403, 404),
                row(Action.REMOVE_MEMBER, "public", 204, 204, 403, 403),
                row(Action.CHANGE_ROLE, "private", 200, 403, 403, 404),
                row(Action.CHANGE_ROLE, "public", 200, 403, 403, 403),
                row(Action.DELETE, "private", 204, 403, 403, 404),
                row(Action.DELETE, "public", 204, 403, 403, 403),
                row(Action.JOIN, "private", 200, 200, 200, 404),
                row(Action.JOIN, "public", 200, 200, 200, 200),
                row(Action.LEAVE, "private", 204, 204, 204, 404),
                row(Action.LEAVE, "public", 204, 204, 204, 404))
                .flatMap(r -> r);
    }

    private static Stream<Arguments> row(Action action, String kind, int owner, int admin, int member, int nonMember) {
        return Stream.of(Arguments.of(action, kind, Actor.OWNER, owner), Arguments.of(action, kind, Actor.ADMIN, admin),
                Arguments.of(action, kind, Actor.MEMBER, member), Arguments.of(action, kind, Actor.NON_MEMBER, nonMember));
    }

    @ParameterizedTest(name = "{2} {0} in a {1} room -> {3}")
    @MethodSource("matrix")
    void rolesDecideWhoMayDoWhat(Action action, String kind, Actor actor, int expected) {
        TestUser owner = newUser();
        TestUser admin = newUser();
        TestUser member = newUser();
        TestUser target = newUser();
        TestUser stranger = newUser();
        UUID roomId = id(createRoom(owner, kind));
        invite(owner, roomId, admin);
        invite(owner, roomId, member);
        invite(owner, roomId, target);
        setRole(owner, roomId, admin, "admin");

        TestUser who = switch (actor) {
            case OWNER -> owner;
            case ADMIN -> admin;
            case MEMBER -> member;
            case NON_MEMBER -> stranger;
        };
        String room = "/api/v1/rooms/" + roomId;
        Api.Response response = switch (action) {
            case GET -> api.get(room, who.token());
            case LIST_MEMBERS -> api.get(room + "/members", who.token());
            case UPDATE -> api.patch(room, who.token(), Map.of("topic", "changed by " + actor));
            case INVITE -> api.post(room + "/members", who.token(), Map.of("userId", newUser().id()));
            case REMOVE_MEMBER -> api.delete(room + "/members/" + target.id(), who.token());
            case CHANGE_ROLE -> api.put(room + "/members/" + target.id() + "/role", who.token(), Map.of("role", "admin"));
            case DELETE -> api.delete(room, who.token());
            case JOIN -> api.post(room + "/join", who.token(), null);
            case LEAVE -> api.post(room + "/leave", who.token(), null);
        };

        assertThat(response.status()).as(response.toString()).isEqualTo(expected);
        String expectedCode = switch (expected) {
            case 403 -> "forbidden";
            case 404 -> action == Action.LEAVE && kind.equals("public") ? "not_a_member" : "room_not_found";
            default -> null;
        };
        if (expectedCode != null) {
            assertThat(response.code()).isEqualTo(expectedCode);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
    }
}
