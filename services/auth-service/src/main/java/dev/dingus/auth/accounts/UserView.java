package dev.dingus.auth.accounts;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/** A user as the API shows it; {@code email} only in the owner's own view. */
@Schema(name = "User")
public record UserView(
        UUID id,
        String username,
        @Schema(nullable = true) String displayName,
        @Schema(nullable = true) String avatarUrl,
        @Schema(nullable = true) String statusText,
        Instant createdAt,
        @Schema(description = "Only in the owner's own view (me, login, register)", requiredMode = Schema.RequiredMode.NOT_REQUIRED)
        @JsonInclude(JsonInclude.Include.NON_NULL) String email) {

    /** The view anyone may see. */
    public UserView withoutEmail() {
        return email == null ? this : new UserView(id, username, displayName, avatarUrl, statusText, createdAt, null);
    }
}
