package dev.dingus.messages.realtime;

import static dev.dingus.contracts.realtime.SocketEvents.roomTarget;

import dev.dingus.contracts.realtime.SocketEvents;
import dev.dingus.messages.typing.TypingFlags;
import dev.dingus.platform.web.security.AuthenticatedUser;
import dev.dingus.socketio.Socket;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The rooms each socket is typing in, and the end of a typing flag: by {@code stop_typing}, leaving, disconnecting or
 * being removed from the room. Whoever ends it tells the room, so nobody sees a leaver "typing" until it expires.
 */
@Component
class TypingSockets {
    private static final String TYPING_ROOMS = "typingRooms";

    private final TypingFlags flags;

    TypingSockets(TypingFlags flags) {
        this.flags = flags;
    }

    void register(Socket socket) {
        socket.attributes().put(TYPING_ROOMS, ConcurrentHashMap.<UUID>newKeySet());
    }

    /** Marks the user as typing; true when the room should be told now. */
    boolean start(Socket socket, AuthenticatedUser user, UUID roomId) {
        rooms(socket).add(roomId);
        return flags.start(roomId, user.id());
    }

    /** The typing flag of this socket's user in this room ends, and the room hears of it. */
    void stop(Socket socket, AuthenticatedUser user, UUID roomId) {
        boolean wasTypingHere = rooms(socket).remove(roomId);
        if (flags.stop(roomId, user.id()) || wasTypingHere) {
            // From the namespace, not the socket: a disconnected or removed socket is no longer in the room.
            socket.namespace().to(roomTarget(roomId)).except(socket.id())
                    .emit(SocketEvents.USER_STOPPED_TYPING, who(roomId, user));
        }
    }

    void stopAll(Socket socket, AuthenticatedUser user) {
        for (UUID roomId : Set.copyOf(rooms(socket))) {
            stop(socket, user, roomId);
        }
    }

    static Map<String, Object> who(UUID roomId, AuthenticatedUser user) {
        Map<String, Object> who = new LinkedHashMap<>();
        who.put("roomId", roomId);
        who.put("userId", user.id());
        who.put("username", user.username());
        return who;
    }

    @SuppressWarnings("unchecked")
    private static Set<UUID> rooms(Socket socket) {
        Set<UUID> rooms = (Set<UUID>) socket.attributes().get(TYPING_ROOMS);
        return rooms != null ? rooms : Set.of();
    }
}
