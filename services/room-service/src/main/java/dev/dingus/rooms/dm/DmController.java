package dev.dingus.rooms.dm;

import dev.dingus.platform.web.security.AuthenticatedUser;
import dev.dingus.rooms.core.ItemsView;
import dev.dingus.rooms.core.RoomView;
import dev.dingus.rooms.dm.internal.DmService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/dms")
@Tag(name = "dms")
public class DmController {
    private final DmService dms;

    public DmController(DmService dms) {
        this.dms = dms;
    }

    @PostMapping
    @Operation(summary = "Get or create the DM with a user: the same room every time",
            description = "404 user_not_found for an unknown user; 400 for oneself; 409 too_many_rooms at the limit.")
    @ApiResponse(responseCode = "201", description = "created now")
    @ApiResponse(responseCode = "200", description = "it existed")
    public ResponseEntity<RoomView> getOrCreate(AuthenticatedUser user, @Valid @RequestBody DmRequest request) {
        DmService.Outcome outcome = dms.getOrCreate(user.id(), request.userId());
        return ResponseEntity.status(outcome.created() ? HttpStatus.CREATED : HttpStatus.OK).body(outcome.room());
    }

    @GetMapping
    @Operation(summary = "My DMs with the other user's id, most recent first")
    public ItemsView<DmView> mine(AuthenticatedUser user) {
        return new ItemsView<>(dms.mine(user.id()));
    }
}
