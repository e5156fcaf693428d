package dev.dingus.messages.realtime;

import dev.dingus.contracts.errors.ErrorCodes;
import dev.dingus.platform.web.security.RevokedSessions;
import dev.dingus.socketio.Socket;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The local sockets of each session ({@code sid}), so that a revoked session (logout; every node hears it on
 * Redis through {@link RevokedSessions}) loses its sockets at once: an {@code error} with {@code session_revoked},
 * then a server-side disconnect (the official client does not reconnect after that).
 */
@Component
class SocketSessions {
    private final RevokedSessions revoked;
    private final Map<String, Set<Socket>> bySession = new ConcurrentHashMap<>();

    SocketSessions(RevokedSessions revoked) {
        this.revoked = revoked;
        revoked.onRevoked(this::disconnectSession);
    }

    /** Registers a socket; a session revoked in the meantime ends it right away. */
    void add(String sessionId, Socket socket) {
        bySession.computeIfAbsent(sessionId, s -> ConcurrentHashMap.newKeySet()).add(socket);
        if (revoked.isRevoked(sessionId)) {
            disconnectSession(sessionId);
        }
    }

    void remove(String sessionId, Socket socket) {
        bySession.computeIfPresent(sessionId, (s, sockets) -> {
            sockets.remove(socket);
            return sockets.isEmpty() ? null : sockets;
        });
    }

    private void disconnectSession(String sessionId) {
        Set<Socket> sockets = bySession.remove(sessionId);
        if (sockets == null) {
            return;
        }
        for (Socket socket : sockets) {
            socket.emit("error", Map.of("success", false, "error",
                    Map.of("code", ErrorCodes.SESSION_REVOKED, "message", "The session has ended; sign in again.")));
            socket.disconnect();
        }
    }
}
