package dev.dingus.auth.accounts.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A sign-in with an external provider: its id token (OIDC) or, for GitHub, its access token. */
@Schema(name = "OidcSignInRequest")
record OidcSignInRequest(
        @Schema(example = "google", description = "A provider configured at auth-service: oidc, google, github, …")
        @NotBlank @Size(max = 64) String provider,
        @Schema(description = "The provider's id token (required for OIDC providers)") @Size(max = 16384) String idToken,
        @Schema(description = "The provider's access token (for providers without id tokens, e.g. GitHub)")
        @Size(max = 4096) String accessToken) {

    @Override
    public String toString() {
        return "OidcSignInRequest[provider=" + provider + "]"; // no tokens in logs
    }
}
