package dev.dingus.auth.accounts.internal;

import dev.dingus.contracts.text.TextRules;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A field left out (or null) stays as it is; an empty string clears it. */
@Schema(description = "A field left out or null stays unchanged; \"\" clears it")
record ProfileUpdateRequest(
        @Size(max = UserLimits.DISPLAY_NAME_MAX, message = "must be at most 64 characters")
        @Pattern(regexp = TextRules.NO_CONTROL_CHARACTERS, message = "must not contain control characters")
        String displayName,

        @Schema(description = "http(s) URL, at most 512 characters", example = "https://example.com/ada.png")
        @Size(max = UserLimits.AVATAR_URL_MAX, message = "must be at most 512 characters")
        @Pattern(regexp = UserLimits.AVATAR_URL_PATTERN, message = "must be an http or https URL")
        @Pattern(regexp = TextRules.NO_CONTROL_CHARACTERS, message = "must not contain control characters")
        String avatarUrl,

        @Size(max = UserLimits.STATUS_TEXT_MAX, message = "must be at most 140 characters")
        @Pattern(regexp = TextRules.NO_CONTROL_CHARACTERS, message = "must not contain control characters")
        String statusText) {

    boolean changesNothing() {
        return displayName == null && avatarUrl == null && statusText == null;
    }
}
