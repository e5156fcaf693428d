package dev.dingus.presence.status;

import dev.dingus.presence.core.ChosenStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** {@code PUT /api/v1/presence/me}; {@code invisible} looks offline to everyone else. */
public record SetStatusRequest(
        @Schema(allowableValues = {"online", "away", "dnd", "invisible"},
                description = "online = automatic (away after the idle time); invisible looks offline to others")
        @NotNull @Pattern(regexp = ChosenStatus.WIRE_VALUES, message = "must be one of " + ChosenStatus.WIRE_VALUES)
        String status) {}
