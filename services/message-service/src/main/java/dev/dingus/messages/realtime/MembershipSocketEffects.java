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
 * {@code room_left} with reason {@code removed}), a deleted room's sockets leave it.
 */
@Component
class MembershipSocketEffects implements MembershipListener {
    private final SocketServer server;

    MembershipSocketEffects(SocketServer server) {
        this.server = server;
    }

    @Override
    public void memberRemoved(UUID roomId, UUID userId) {
        String room = roomTarget(roomId);
        for (Socket socket : List.copyOf(server.sockets().socketsIn(userTarget(userId)))) {
            if (socket.rooms().contains(room)) {
                socket.leave(room);
                socket.emit(SocketEvents.ROOM_LEFT, Map.of("roomId", roomId, "reason", "removed"));
            }
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
