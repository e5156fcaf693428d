package dev.dingus.messages.realtime;

import dev.dingus.contracts.errors.ErrorCodes;
import dev.dingus.platform.web.errors.ApiException;
import dev.dingus.platform.web.security.AuthenticatedUser;
import dev.dingus.socketio.ConnectDecision;
import dev.dingus.socketio.ConnectMiddleware;
import dev.dingus.socketio.Handshake;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.stereotype.Component;

/**
 * The handshake must carry a valid access token — {@code auth.token} (official client), else the {@code token}
 * query parameter or an {@code Authorization: Bearer} header (older clients) — checked by the platform's
 * {@link JwtDecoder} (JWKS signature, issuer, expiry, revoked session). Refusals are {@code connect_error}
 * with {@code {message, data:{code}}} (docs/adr/0008-socket-authentication.md).
 */
@Component
class SocketAuthenticator implements ConnectMiddleware {
    private final JwtDecoder decoder;

    SocketAuthenticator(JwtDecoder decoder) {
        this.decoder = decoder;
    }

    @Override
    public ConnectDecision check(Handshake handshake) {
        String token = tokenOf(handshake);
        if (token == null) {
            return ConnectDecision.reject("Authentication required: connect with auth.token set to your access token.",
                    Map.of("code", ErrorCodes.UNAUTHORIZED));
        }
        try {
            return ConnectDecision.accept(authenticate(token));
        } catch (ApiException e) {
            return ConnectDecision.reject(e.getMessage(), Map.of("code", e.code()));
        }
    }

    /** The user of a token, or an {@link ApiException} with the code that says why not. */
    AuthenticatedUser authenticate(String token) {
        Jwt jwt;
        try {
            jwt = decoder.decode(token);
        } catch (JwtValidationException e) {
            for (OAuth2Error error : e.getErrors()) {
                if (ErrorCodes.SESSION_REVOKED.equals(error.getErrorCode())) {
                    throw ApiException.unauthorized(ErrorCodes.SESSION_REVOKED, "The session has ended; sign in again.");
                }
                if (String.valueOf(error.getDescription()).contains("expired")) {
                    throw ApiException.unauthorized(ErrorCodes.TOKEN_EXPIRED, "The access token has expired; refresh it.");
                }
            }
            throw ApiException.unauthorized(ErrorCodes.TOKEN_INVALID, "The access token is not valid.");
        } catch (BadJwtException e) {
            throw ApiException.unauthorized(ErrorCodes.TOKEN_INVALID, "The access token is not valid.");
        } catch (JwtException e) {
            // The token could not be checked at all (e.g. the key set is unreachable): not the client's fault.
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, ErrorCodes.SERVICE_UNAVAILABLE,
                    "The access token cannot be checked right now; try again.");
        }
        try {
            return AuthenticatedUser.from(jwt);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ApiException.unauthorized(ErrorCodes.TOKEN_INVALID, "The access token has no valid subject.");
        }
    }

    private static String tokenOf(Handshake handshake) {
        String token = handshake.authString("token");
        if (isBlank(token)) {
            token = handshake.query().get("token");
        }
        if (isBlank(token)) {
            String header = handshake.headers().get("authorization");
            if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                token = header.substring(7).strip();
            }
        }
        return isBlank(token) ? null : token;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
