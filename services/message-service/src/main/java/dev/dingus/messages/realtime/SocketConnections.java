package dev.dingus.messages.realtime;

import dev.dingus.contracts.realtime.SocketEvents;
import dev.dingus.messages.presence.PresenceReporter;
import dev.dingus.platform.web.security.AuthenticatedUser;
import dev.dingus.socketio.Socket;
import java.util.List;
import org.springframework.stereotype.Component;

/** What happens to every accepted socket: its user's room, its session, presence, and the client events. */
@Component
class SocketConnections {
    private final SocketSessions sessions;
    private final PresenceReporter presence;
    private final List<SocketEventGroup> groups;

    SocketConnections(SocketSessions sessions, PresenceReporter presence, List<SocketEventGroup> groups) {
        this.sessions = sessions;
        this.presence = presence;
        this.groups = groups;
    }

    void accept(Socket socket) {
        AuthenticatedUser user = SocketEventGroup.userOf(socket);
        socket.join(SocketEvents.userTarget(user.id()));
        for (SocketEventGroup group : groups) {
            group.register(socket);
        }
        socket.onDisconnect(reason -> {
            sessions.remove(SocketEventGroup.userOf(socket).sessionId(), socket);
            presence.disconnected(user.id(), socket.id());
        });
        presence.connected(user.id(), socket.id());
        sessions.add(user.sessionId(), socket);
    }
}
