package dev.dingus.messages.realtime;

import dev.dingus.contracts.errors.ErrorCodes;
import dev.dingus.contracts.realtime.SocketEvents;
import dev.dingus.platform.web.errors.ApiException;
import dev.dingus.platform.web.security.AuthenticatedUser;
import dev.dingus.socketio.Ack;
import dev.dingus.socketio.Socket;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code authenticate {token}}: swaps the socket's token for a fresh one (refresh without reconnecting). It
 * must be the same user; the socket then belongs to the new token's session (its revocation ends the socket).
 * Answered with {@code authenticated {success, userId}} (and the same as ack), or {@code {success:false, error}}.
 */
@Component
class AuthenticationEvents implements SocketEventGroup {
    private final SocketAuthenticator authenticator;
    private final SocketSessions sessions;

    AuthenticationEvents(SocketAuthenticator authenticator, SocketSessions sessions) {
        this.authenticator = authenticator;
        this.sessions = sessions;
    }

    @Override
    public void register(Socket socket) {
        socket.on(SocketEvents.AUTHENTICATE, (s, args, ack) -> {
            AuthenticatedUser current = SocketEventGroup.userOf(s);
            try {
                String token = Payload.of(args, SocketEvents.AUTHENTICATE).optionalString("token");
                if (token == null || token.isBlank()) {
                    throw ApiException.validation("token is required.");
                }
                AuthenticatedUser fresh = authenticator.authenticate(token);
                if (!fresh.id().equals(current.id())) {
                    throw ApiException.forbidden(ErrorCodes.FORBIDDEN, "The token belongs to another user; reconnect to switch users.");
                }
                s.data(fresh);
                if (!fresh.sessionId().equals(current.sessionId())) {
                    sessions.remove(current.sessionId(), s);
                    sessions.add(fresh.sessionId(), s);
                }
                Map<String, Object> answer = new LinkedHashMap<>();
                answer.put("success", true);
                answer.put("userId", fresh.id());
                s.emit(SocketEvents.AUTHENTICATED, answer);
                ack.send(answer);
            } catch (ApiException e) {
                answerFailure(s, ack, e);
            }
        });
    }

    private static void answerFailure(Socket socket, Ack ack, ApiException e) {
        Map<String, Object> answer = Map.of("success", false, "error", Map.of("code", e.code(), "message", e.getMessage()));
        socket.emit(SocketEvents.AUTHENTICATED, answer);
        ack.send(answer);
    }
}
