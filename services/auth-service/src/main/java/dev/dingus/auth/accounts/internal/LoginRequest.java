package dev.dingus.auth.accounts.internal;

import dev.dingus.contracts.text.TextRules;
import com.fasterxml.jackson.annotation.JsonAlias;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code login} is a username or an email; clients may send it as {@code username} or {@code email} instead. */
record LoginRequest(
        @Schema(description = "Username or email (also accepted as `username` or `email`)", example = "ada_l")
        @JsonAlias({"username", "email"})
        @NotBlank(message = "is required (username or email)")
        @Size(max = UserLimits.LOGIN_MAX, message = "must be at most 254 characters")
        @Pattern(regexp = TextRules.NO_CONTROL_CHARACTERS, message = "must not contain control characters")
        String login,

        @Schema(format = "password")
        @NotEmpty(message = "is required")
        @Size(max = UserLimits.PASSWORD_MAX, message = "must be at most 128 characters")
        String password) {

    @Override
    public String toString() {
        return "LoginRequest[]";
    }
}
