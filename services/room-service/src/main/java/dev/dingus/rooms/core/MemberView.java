package dev.dingus.rooms.core;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/** One member of a room. */
@Schema(name = "Member")
public record MemberView(UUID userId, @Schema(allowableValues = {"owner", "admin", "member"}) String role, Instant joinedAt) {

    public static MemberView of(MemberRow row) {
        return new MemberView(row.userId(), row.role().wire(), row.joinedAt());
    }
}
