package dev.dingus.messages.realtime;

import static dev.dingus.contracts.realtime.SocketEvents.roomTarget;
import static dev.dingus.contracts.realtime.SocketEvents.userTarget;

import dev.dingus.contracts.realtime.SocketEvents;
import dev.dingus.messages.membership.MembershipListener;
import dev.dingus.socketio.Socket;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * On every node, right after a membership change: a removed member's sockets leave the room (and hear
 * {@code room_left} with reason {@code removed}; the room hears that they stopped typing there), a deleted room's
 * sockets leave it.
 */
@Component
class MembershipSocketEffects implements MembershipListener {
    private final SocketServer server;
    private final TypingSockets typing;

    MembershipSocketEffects(SocketServer server, TypingSockets typing) {
        this.server = server;
        this.typing = typing;
    }

    @Override
    public void memberRemoved(UUID roomId, UUID userId) {
        String room = roomTarget(roomId);
        for (Socket socket : List.copyOf(server.sockets().socketsIn(userTarget(userId)))) {
            if (socket.rooms().contains(room)) {
                socket.leave(room);
                socket.emit(SocketEvents.ROOM_LEFT, Map.of("roomId", roomId, "reason", "removed"));
            }
            typing.stop(socket, SocketEventGroup.userOf(socket), roomId); // in user:<id>, so signed in
        }
    }

    @Override
    public void roomDeleted(UUID roomId) {
        String room = roomTarget(roomId);
        for (Socket socket : List.copyOf(server.sockets().socketsIn(room))) {
            socket.leave(room);
        }
    }
}
