package dev.dingus.rooms.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dingus.platform.web.errors.ApiException;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RoleTest {

    @Test
    void ranksOrderOwnerAboveAdminAboveMember() {
        assertThat(Role.OWNER.outranks(Role.ADMIN)).isTrue();
        assertThat(Role.ADMIN.outranks(Role.MEMBER)).isTrue();
        assertThat(Role.ADMIN.outranks(Role.ADMIN)).isFalse();
        assertThat(Role.ADMIN.atLeast(Role.ADMIN)).isTrue();
        assertThat(Role.MEMBER.atLeast(Role.ADMIN)).isFalse();
        assertThat(Role.fromWire("admin")).isEqualTo(Role.ADMIN);
        assertThat(Role.OWNER.wire()).isEqualTo("owner");
    }

    @Test
    void aContextRefusesActionsAboveTheCallersRole() {
        RoomRow room = new RoomRow(UUID.randomUUID(), Kind.PUBLIC, "r", null, PostPolicy.EVERYONE, UUID.randomUUID(), 2,
                null, null, Instant.now(), Instant.now());
        RoomContext member = new RoomContext(room, UUID.randomUUID(), Role.MEMBER);
        RoomContext outsider = new RoomContext(room, UUID.randomUUID(), null);

        assertThat(member.require(Role.MEMBER, "read")).isSameAs(member);
        assertThatThrownBy(() -> member.require(Role.ADMIN, "invite"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status().value()).isEqualTo(403);
                    assertThat(e.getMessage()).isEqualTo("Only admins and the owner may invite.");
                });
        assertThatThrownBy(() -> outsider.require(Role.MEMBER, "post")).isInstanceOf(ApiException.class);
    }

    @Test
    void theOtherUserOfADmIsTheOneThatIsNotMe() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        RoomRow dm = new RoomRow(UUID.randomUUID(), Kind.DM, null, null, PostPolicy.EVERYONE, null, 2, a, b,
                Instant.now(), Instant.now());
        assertThat(dm.otherUserOf(a)).isEqualTo(b);
        assertThat(dm.otherUserOf(b)).isEqualTo(a);
    }
}
