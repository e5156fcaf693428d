package dev.dingus.rooms.membership;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** Body of {@code PUT /api/v1/rooms/{id}/members/{userId}/role}; {@code owner} hands the ownership over. */
@Schema(name = "RoleChangeRequest")
public record RoleChangeRequest(
        @Schema(allowableValues = {"owner", "admin", "member"}, requiredMode = Schema.RequiredMode.REQUIRED,
                description = "owner transfers the ownership: the previous owner becomes an admin")
        @NotNull @Pattern(regexp = "owner|admin|member", message = "must be owner, admin or member") String role) {}
