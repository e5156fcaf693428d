package dev.dingus.rooms.membership;

import dev.dingus.platform.web.security.AuthenticatedUser;
import dev.dingus.rooms.core.MemberView;
import dev.dingus.rooms.core.PageView;
import dev.dingus.rooms.core.Paging;
import dev.dingus.rooms.core.Role;
import dev.dingus.rooms.core.RoomView;
import dev.dingus.rooms.membership.internal.MembershipService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/rooms/{id}")
@Tag(name = "membership")
public class MembershipController {
    private final MembershipService membership;

    public MembershipController(MembershipService membership) {
        this.membership = membership;
    }

    @PostMapping("/join")
    @Operation(summary = "Join a public room (idempotent)",
            description = "409 room_full or too_many_rooms at the limits; 404 for rooms the caller may not see.")
    public RoomView join(AuthenticatedUser user, @PathVariable UUID id) {
        return membership.join(user.id(), id);
    }

    @PostMapping("/leave")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Leave a room",
            description = "A leaving owner hands the ownership to the oldest admin, else the oldest member; the last "
                    + "member leaving deletes the room. DMs cannot be left (403).")
    public void leave(AuthenticatedUser user, @PathVariable UUID id) {
        membership.leave(user.id(), id);
    }

    @GetMapping("/members")
    @Operation(summary = "Members with their roles: the owner, then admins, then members, oldest first")
    public PageView<MemberView> members(AuthenticatedUser user, @PathVariable UUID id,
            @RequestParam(defaultValue = "0") @Min(0) @Max(Paging.MAX_PAGE) int page,
            @RequestParam(defaultValue = "" + Paging.DEFAULT_SIZE) @Min(1) @Max(Paging.MAX_SIZE) int size) {
        return membership.members(user.id(), id, page, size);
    }

    @PostMapping("/members")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Invite (add) an existing user (admins and the owner)",
            description = "404 user_not_found for an unknown user; 409 already_member, room_full or too_many_rooms.")
    public MemberView invite(AuthenticatedUser user, @PathVariable UUID id, @Valid @RequestBody InviteRequest request) {
        return membership.invite(user.id(), id, request.userId());
    }

    @DeleteMapping("/members/{userId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove a member (admins remove members; the owner also admins; nobody removes the owner)")
    public void remove(AuthenticatedUser user, @PathVariable UUID id, @PathVariable UUID userId) {
        membership.remove(user.id(), id, userId);
    }

    @PutMapping("/members/{userId}/role")
    @Operation(summary = "Change a member's role (owner only); role owner hands the ownership over")
    public MemberView changeRole(AuthenticatedUser user, @PathVariable UUID id, @PathVariable UUID userId,
            @Valid @RequestBody RoleChangeRequest request) {
        return membership.changeRole(user.id(), id, userId, Role.fromWire(request.role()));
    }
}
