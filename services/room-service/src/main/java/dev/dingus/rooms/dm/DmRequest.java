package dev.dingus.rooms.dm;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/** Body of {@code POST /api/v1/dms}: the other user; they must exist and differ from the caller. */
@Schema(name = "DmRequest")
public record DmRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) @NotNull UUID userId) {}
