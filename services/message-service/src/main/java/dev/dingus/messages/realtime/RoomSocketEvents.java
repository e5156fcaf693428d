package dev.dingus.messages.realtime;

import static dev.dingus.contracts.realtime.SocketEvents.roomTarget;

import dev.dingus.contracts.realtime.SocketEvents;
import dev.dingus.messages.core.MessagesProperties;
import dev.dingus.messages.membership.MembershipService;
import dev.dingus.messages.messaging.HistoryPage;
import dev.dingus.messages.messaging.MessageService;
import dev.dingus.messages.typing.TypingFlags;
import dev.dingus.platform.web.errors.ApiException;
import dev.dingus.platform.web.security.AuthenticatedUser;
import dev.dingus.socketio.Socket;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * {@code join_room}, {@code leave_room}, {@code typing}, {@code stop_typing}. Joining needs membership (checked
 * before and again after the join, so a removal meanwhile wins) and answers with the latest page; the socket joins
 * before the page is read, so no message falls between them.
 */
@Component
class RoomSocketEvents implements SocketEventGroup {
    private static final String TYPING_ROOMS = "typingRooms";

    private final MembershipService membership;
    private final MessageService messages;
    private final TypingFlags typing;
    private final int pageSize;

    RoomSocketEvents(MembershipService membership, MessageService messages, TypingFlags typing, MessagesProperties props) {
        this.membership = membership;
        this.messages = messages;
        this.typing = typing;
        this.pageSize = props.limits().defaultPageSize();
    }

    @Override
    public void register(Socket socket) {
        socket.attributes().put(TYPING_ROOMS, ConcurrentHashMap.<UUID>newKeySet());
        SocketEventGroup.on(socket, SocketEvents.JOIN_ROOM, (s, user, args, ack) -> {
            UUID roomId = Payload.of(args, SocketEvents.JOIN_ROOM).uuid("roomId", "room_id");
            membership.requireMember(roomId, user.id());
            boolean alreadyIn = s.rooms().contains(roomTarget(roomId));
            s.join(roomTarget(roomId));
            stillMemberAfterJoining(s, roomId, user);
            HistoryPage page = messages.latest(roomId, pageSize);
            Map<String, Object> joined = new LinkedHashMap<>();
            joined.put("roomId", roomId);
            joined.put("messages", page.messages());
            joined.put("lastSeq", page.messages().isEmpty() ? 0 : page.messages().getLast().seq());
            joined.put("hasMore", page.hasMore());
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("success", true);
            answer.putAll(joined);
            ack.send(answer);
            s.emit(SocketEvents.ROOM_JOINED, joined);
            if (!alreadyIn) {
                s.to(roomTarget(roomId)).emit(SocketEvents.USER_JOINED, who(roomId, user));
            }
        });
        SocketEventGroup.on(socket, SocketEvents.LEAVE_ROOM, (s, user, args, ack) -> {
            UUID roomId = Payload.of(args, SocketEvents.LEAVE_ROOM).uuid("roomId", "room_id");
            boolean wasIn = s.rooms().contains(roomTarget(roomId));
            stopTyping(s, user, roomId);
            s.leave(roomTarget(roomId));
            ack.send(Map.of("success", true, "roomId", roomId));
            s.emit(SocketEvents.ROOM_LEFT, Map.of("roomId", roomId));
            if (wasIn) {
                s.to(roomTarget(roomId)).emit(SocketEvents.USER_LEFT, who(roomId, user));
            }
        });
        SocketEventGroup.on(socket, SocketEvents.TYPING, (s, user, args, ack) -> {
            UUID roomId = Payload.of(args, SocketEvents.TYPING).uuid("roomId", "room_id");
            membership.requireMember(roomId, user.id());
            typingRooms(s).add(roomId);
            if (typing.start(roomId, user.id())) {
                s.to(roomTarget(roomId)).emit(SocketEvents.USER_TYPING, who(roomId, user));
            }
            ack.send(Map.of("success", true));
        });
        SocketEventGroup.on(socket, SocketEvents.STOP_TYPING, (s, user, args, ack) -> {
            UUID roomId = Payload.of(args, SocketEvents.STOP_TYPING).uuid("roomId", "room_id");
            membership.requireMember(roomId, user.id());
            stopTyping(s, user, roomId);
            ack.send(Map.of("success", true));
        });
        socket.onDisconnect(reason -> {
            AuthenticatedUser user = SocketEventGroup.userOf(socket);
            for (UUID roomId : Set.copyOf(typingRooms(socket))) {
                stopTyping(socket, user, roomId);
            }
        });
    }

    /**
     * A removal applied between the check and the join found this socket outside the room and moved nothing. It drops
     * the cached answer before it moves sockets, so asked again after the join, membership sees it: the socket leaves,
     * with the error a non-member gets. A removal after this check finds the socket in the room and moves it.
     */
    private void stillMemberAfterJoining(Socket socket, UUID roomId, AuthenticatedUser user) {
        try {
            membership.requireMember(roomId, user.id());
        } catch (ApiException e) {
            socket.leave(roomTarget(roomId));
            throw e;
        }
    }

    /** A typing flag of this socket's user in this room ends, and the room hears of it. */
    private void stopTyping(Socket socket, AuthenticatedUser user, UUID roomId) {
        boolean wasTypingHere = typingRooms(socket).remove(roomId);
        if (typing.stop(roomId, user.id()) || wasTypingHere) {
            // From the namespace, not the socket: a disconnected socket is no longer in the room to be excluded.
            socket.namespace().to(roomTarget(roomId)).except(socket.id())
                    .emit(SocketEvents.USER_STOPPED_TYPING, who(roomId, user));
        }
    }

    @SuppressWarnings("unchecked")
    private static Set<UUID> typingRooms(Socket socket) {
        return (Set<UUID>) socket.attributes().get(TYPING_ROOMS);
    }

    private static Map<String, Object> who(UUID roomId, AuthenticatedUser user) {
        Map<String, Object> who = new LinkedHashMap<>();
        who.put("roomId", roomId);
        who.put("userId", user.id());
        who.put("username", user.username());
        return who;
    }
}
