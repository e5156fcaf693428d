package dev.dingus.auth.accounts.internal;

import dev.dingus.contracts.text.TextRules;
import dev.dingus.auth.accounts.UserView;
import dev.dingus.platform.web.security.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/users")
@Tag(name = "users", description = "Profiles, password, lookup and search")
class UserController {
    private final ProfileService profiles;

    UserController(ProfileService profiles) {
        this.profiles = profiles;
    }

    @GetMapping("/me")
    @Operation(summary = "The signed-in user, with email (same as GET /api/v1/auth/me)")
    UserView me(AuthenticatedUser user) {
        return profiles.owner(user.id());
    }

    @PatchMapping("/me")
    @Operation(summary = "Change display name, avatar URL or status text",
            description = "A field left out or null stays unchanged; \"\" clears it. Publishes user.updated.")
    UserView update(AuthenticatedUser user, @Valid @RequestBody ProfileUpdateRequest request) {
        return profiles.update(user.id(), request);
    }

    @PostMapping("/me/password")
    @Operation(summary = "Change the password", description = "Ends every other session of the user. A wrong current "
            + "password is 403 invalid_credentials and counts as a failed login.")
    @ApiResponse(responseCode = "204", description = "Changed; other sessions ended")
    ResponseEntity<Void> changePassword(AuthenticatedUser user, @Valid @RequestBody PasswordChangeRequest request) {
        profiles.changePassword(user.id(), AuthController.sessionOf(user), request);
        return ResponseEntity.noContent().build();
    }

    @GetMapping
    @Operation(summary = "Search users by username or display name prefix (case-insensitive)")
    UserList search(
            @Parameter(description = "Prefix, 1-64 characters") @RequestParam @NotBlank @Size(max = UserLimits.SEARCH_MAX)
            @Pattern(regexp = TextRules.NO_CONTROL_CHARACTERS, message = "must not contain control characters") String q,
            @Parameter(description = "At most 50") @RequestParam(defaultValue = "20") @Min(1) @Max(UserLimits.SEARCH_LIMIT_MAX) int limit) {
        return new UserList(profiles.search(q, limit));
    }

    @GetMapping("/batch")
    @Operation(summary = "Several users by id", description = "Up to 100 ids, comma-separated; unknown ids are left out.")
    UserList batch(@RequestParam @NotEmpty @Size(max = UserLimits.BATCH_MAX) List<UUID> ids) {
        return new UserList(profiles.batch(ids));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One user (public fields; your own includes email)")
    UserView byId(AuthenticatedUser user, @PathVariable UUID id) {
        return profiles.view(id, user.id());
    }
}
