package dev.dingus.presence.status;

import dev.dingus.presence.core.PresenceProperties;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/** {@code POST /api/v1/presence/query}: at most 200 user ids. */
public record PresenceQuery(
        @Schema(description = "user ids, at most " + PresenceProperties.MAX_QUERY_IDS + "; duplicates count once",
                maxLength = PresenceProperties.MAX_QUERY_IDS)
        @NotNull @Size(max = PresenceProperties.MAX_QUERY_IDS) List<@NotNull UUID> userIds) {}
