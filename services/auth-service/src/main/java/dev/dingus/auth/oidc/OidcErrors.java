package dev.dingus.auth.oidc;

import dev.dingus.platform.web.errors.ApiException;
import org.springframework.http.HttpStatus;

/** The stable codes of external sign-in (docs/api.md). */
public final class OidcErrors {
    private OidcErrors() {}

    public static final String PROVIDER_UNKNOWN = "oidc_provider_unknown";
    public static final String TOKEN_INVALID = "oidc_token_invalid";
    public static final String PROVIDER_UNAVAILABLE = "oidc_provider_unavailable";
    public static final String EMAIL_MISSING = "oidc_email_missing";
    public static final String EMAIL_UNVERIFIED = "oidc_email_unverified";

    public static ApiException unknownProvider() {
        return ApiException.badRequest(PROVIDER_UNKNOWN, "This sign-in provider is not configured.");
    }

    public static ApiException invalidToken(String why) {
        return ApiException.unauthorized(TOKEN_INVALID, "The provider's token was refused: " + why);
    }

    public static ApiException unavailable() {
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, PROVIDER_UNAVAILABLE,
                "The sign-in provider could not be reached; try again later.");
    }
}
