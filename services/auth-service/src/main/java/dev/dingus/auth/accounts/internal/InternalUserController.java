package dev.dingus.auth.accounts.internal;

import dev.dingus.auth.accounts.UserView;
import dev.dingus.auth.accounts.Users;
import dev.dingus.contracts.errors.ErrorCodes;
import dev.dingus.platform.web.errors.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Lookups for other services; guarded by the service credential header, never routed by the gateway. */
@RestController
@RequestMapping("/internal/users")
@Tag(name = "internal", description = "Service-to-service; needs X-Dingus-Service-Token")
class InternalUserController {
    private final Users users;

    InternalUserController(Users users) {
        this.users = users;
    }

    @GetMapping("/{id}")
    @Operation(summary = "A user by id (public fields)")
    UserView byId(@PathVariable UUID id) {
        return users.byId(id).orElseThrow(InternalUserController::notFound);
    }

    @GetMapping("/by-username/{username}")
    @Operation(summary = "A user by username, case-insensitive (public fields)")
    UserView byUsername(@PathVariable String username) {
        if (username.length() > UserLimits.USERNAME_MAX) {
            throw notFound();
        }
        return users.byUsername(username).orElseThrow(InternalUserController::notFound);
    }

    private static ApiException notFound() {
        return ApiException.notFound(ErrorCodes.USER_NOT_FOUND, "No such user.");
    }
}
