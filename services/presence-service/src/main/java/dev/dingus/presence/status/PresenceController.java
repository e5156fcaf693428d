package dev.dingus.presence.status;

import dev.dingus.platform.web.security.AuthenticatedUser;
import dev.dingus.presence.core.ChosenStatus;
import dev.dingus.presence.users.KnownUsers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/presence")
@Tag(name = "presence")
public class PresenceController {
    private final PresenceEvaluator presence;
    private final KnownUsers users;
    private final StatusChangeLimiter statusChanges;

    PresenceController(PresenceEvaluator presence, KnownUsers users, StatusChangeLimiter statusChanges) {
        this.presence = presence;
        this.users = users;
        this.statusChanges = statusChanges;
    }

    @GetMapping("/{userId}")
    @Operation(summary = "One user's presence (404 user_not_found for a user that does not exist)")
    public PresenceView one(AuthenticatedUser caller, @PathVariable UUID userId) {
        users.requireExists(userId);
        return presence.views(List.of(userId)).getFirst();
    }

    @PostMapping("/query")
    @Operation(summary = "Many users' presence in one call (at most 200 ids); unknown users are left out")
    public PresenceItems query(AuthenticatedUser caller, @Valid @RequestBody PresenceQuery query) {
        List<UUID> known = users.knownAmong(query.userIds().stream().distinct().toList());
        return new PresenceItems(known.isEmpty() ? List.of() : presence.views(known));
    }

    @PutMapping("/me")
    @Operation(summary = "Set my status: online (automatic), away, dnd or invisible (looks offline to others); "
            + "limited per user (429 rate_limited)")
    public PresenceView setMine(AuthenticatedUser caller, @Valid @RequestBody SetStatusRequest request) {
        statusChanges.acquire(caller.id());
        users.remember(caller.id());
        return presence.choose(caller.id(), ChosenStatus.parse(request.status()).orElseThrow());
    }

    @PostMapping("/me/activity")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Activity ping: I am active now (an idle away turns back online)")
    public void activity(AuthenticatedUser caller) {
        users.remember(caller.id());
        presence.activity(caller.id(), Instant.now());
    }
}
