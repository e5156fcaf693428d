package dev.dingus.auth.accounts.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

record PasswordChangeRequest(
        @Schema(format = "password")
        @NotEmpty(message = "is required")
        @Size(max = UserLimits.PASSWORD_MAX, message = "must be at most 128 characters")
        String currentPassword,

        @Schema(format = "password")
        @NotNull(message = "is required")
        @Size(min = UserLimits.PASSWORD_MIN, max = UserLimits.PASSWORD_MAX, message = UserLimits.PASSWORD_MESSAGE)
        String newPassword) {

    @Override
    public String toString() {
        return "PasswordChangeRequest[]";
    }
}
