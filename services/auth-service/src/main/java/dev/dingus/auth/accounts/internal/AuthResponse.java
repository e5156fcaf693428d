package dev.dingus.auth.accounts.internal;

import dev.dingus.auth.accounts.UserView;
import dev.dingus.auth.sessions.OpenedSession;
import dev.dingus.auth.tokens.IssuedAccessToken;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Duration;
import java.time.Instant;

/** What register, login and refresh answer: the user, the access token (twice, by two names) and the refresh token. */
@Schema(name = "AuthResponse")
record AuthResponse(
        UserView user,
        @Schema(description = "The access token (same value as accessToken)") String token,
        String accessToken,
        @Schema(example = "Bearer") String tokenType,
        @Schema(description = "Seconds until the access token expires") long expiresIn,
        @Schema(description = "Opaque; also set as the dingus_refresh cookie") String refreshToken,
        @Schema(description = "Seconds until the refresh token expires") long refreshExpiresIn) {

    static AuthResponse of(UserView user, IssuedAccessToken access, OpenedSession session, Instant now) {
        long refreshSeconds = Math.max(0, Duration.between(now, session.refreshToken().expiresAt()).toSeconds());
        return new AuthResponse(user, access.value(), access.value(), "Bearer", access.expiresInSeconds(),
                session.refreshToken().value(), refreshSeconds);
    }

    @Override
    public String toString() {
        return "AuthResponse[user=" + user.id() + "]"; // no tokens in logs
    }
}
