package dev.dingus.auth.sessions;

import java.time.Duration;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * The refresh token as the {@code dingus_refresh} cookie: HttpOnly (no script reads it), SameSite=Strict (no
 * other site sends it), sent only to {@code /api/v1/auth}, Secure when the deployment is HTTPS.
 */
@Component
public class RefreshCookie {
    public static final String NAME = "dingus_refresh";
    public static final String PATH = "/api/v1/auth";

    private final boolean secure;

    public RefreshCookie(SessionProperties props) {
        this.secure = props.secureCookies();
    }

    /** The Set-Cookie value carrying {@code refreshToken} for {@code maxAge} (the token's remaining lifetime). */
    public String issue(String refreshToken, Duration maxAge) {
        return base(refreshToken).maxAge(maxAge.isNegative() ? Duration.ZERO : maxAge).build().toString();
    }

    public String clear() {
        return base("").maxAge(Duration.ZERO).build().toString();
    }

    private ResponseCookie.ResponseCookieBuilder base(String value) {
        return ResponseCookie.from(NAME, value).httpOnly(true).sameSite("Strict").path(PATH).secure(secure);
    }
}
