package dev.dingus.auth.accounts.internal;

import dev.dingus.contracts.text.TextRules;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

record RegisterRequest(
        @Schema(example = "ada_l", description = "3-32 characters: letters, digits, _ . - (unique, case-insensitive)")
        @NotBlank(message = "is required")
        @Size(min = UserLimits.USERNAME_MIN, max = UserLimits.USERNAME_MAX, message = UserLimits.USERNAME_MESSAGE)
        @Pattern(regexp = UserLimits.USERNAME_PATTERN, message = UserLimits.USERNAME_MESSAGE)
        String username,

        @Schema(example = "ada@example.com", description = "Unique, case-insensitive")
        @NotBlank(message = "is required")
        @Size(max = UserLimits.EMAIL_MAX, message = "must be at most 254 characters")
        @Email(message = "must be a valid email address")
        @Pattern(regexp = UserLimits.EMAIL_PATTERN, message = "must be a valid email address")
        String email,

        @Schema(format = "password")
        @NotNull(message = "is required")
        @Size(min = UserLimits.PASSWORD_MIN, max = UserLimits.PASSWORD_MAX, message = UserLimits.PASSWORD_MESSAGE)
        String password,

        @Schema(example = "Ada Lovelace", nullable = true)
        @Size(max = UserLimits.DISPLAY_NAME_MAX, message = "must be at most 64 characters")
        @Pattern(regexp = TextRules.NO_CONTROL_CHARACTERS, message = "must not contain control characters")
        String displayName) {

    @Override
    public String toString() {
        return "RegisterRequest[username=" + username + "]";
    }
}
