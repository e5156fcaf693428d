package dev.dingus.notifications.mutes;

import dev.dingus.platform.web.security.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/notifications/mutes")
@Tag(name = "notifications")
public class MuteController {
    private final Mutes mutes;

    MuteController(Mutes mutes) {
        this.mutes = mutes;
    }

    @GetMapping
    @Operation(summary = "The rooms I muted, most recent first")
    public MuteList list(AuthenticatedUser caller) {
        return mutes.of(caller.id());
    }

    @PutMapping("/{roomId}")
    @Operation(summary = "Mute or unmute a room: a muted room makes no DM or mention notifications for me")
    public MuteView set(AuthenticatedUser caller, @PathVariable UUID roomId, @Valid @RequestBody MuteRequest request) {
        return mutes.set(caller.id(), roomId, request.muted());
    }
}
