package dev.dingus.rooms.membership;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/** Body of {@code POST /api/v1/rooms/{id}/members}: the user to add; they must exist. */
@Schema(name = "InviteRequest")
public record InviteRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) @NotNull UUID userId) {}
