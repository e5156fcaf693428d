package dev.dingus.auth.friends.internal;

import dev.dingus.auth.friends.internal.FriendViews.FriendList;
import dev.dingus.auth.friends.internal.FriendViews.FriendRequestBody;
import dev.dingus.auth.friends.internal.FriendViews.FriendRequestResult;
import dev.dingus.platform.web.security.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/friends")
@Tag(name = "friends", description = "Friend requests and friendships")
class FriendController {
    private final FriendService friends;

    FriendController(FriendService friends) {
        this.friends = friends;
    }

    @GetMapping
    @Operation(summary = "My friends, requests to me (incoming) and my requests (outgoing)")
    FriendList list(AuthenticatedUser user) {
        return friends.list(user.id());
    }

    @PostMapping("/requests")
    @Operation(summary = "Ask a user to be my friend", description = "201 when something changed: a new request "
            + "(pending), or accepted because they had asked me already. 200 when it was so already. 404 user_not_found, "
            + "400 friend_self.")
    @ApiResponse(responseCode = "201", description = "Requested, or accepted")
    ResponseEntity<FriendRequestResult> request(AuthenticatedUser user, @Valid @RequestBody FriendRequestBody body) {
        FriendService.RequestOutcome outcome = friends.request(user.id(), user.username(), body.userId());
        FriendRequestResult result = new FriendRequestResult(
                outcome.friendship().status().name().toLowerCase(Locale.ROOT), outcome.other(), outcome.friendship().since());
        return ResponseEntity.status(outcome.changed() ? HttpStatus.CREATED : HttpStatus.OK).body(result);
    }

    @PostMapping("/requests/{userId}/accept")
    @Operation(summary = "Accept the request of a user", description = "404 friend_request_not_found if they did not ask.")
    @ApiResponse(responseCode = "204", description = "Now friends")
    ResponseEntity<Void> accept(AuthenticatedUser user, @PathVariable UUID userId) {
        friends.accept(user.id(), user.username(), userId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/requests/{userId}/decline")
    @Operation(summary = "Decline the request of a user", description = "404 friend_request_not_found if they did not ask.")
    @ApiResponse(responseCode = "204", description = "Declined")
    ResponseEntity<Void> decline(AuthenticatedUser user, @PathVariable UUID userId) {
        friends.decline(user.id(), userId);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/{userId}")
    @Operation(summary = "Remove a friend, or cancel my request", description = "404 friend_not_found otherwise.")
    @ApiResponse(responseCode = "204", description = "Removed")
    ResponseEntity<Void> remove(AuthenticatedUser user, @PathVariable UUID userId) {
        friends.remove(user.id(), userId);
        return ResponseEntity.noContent().build();
    }
}
