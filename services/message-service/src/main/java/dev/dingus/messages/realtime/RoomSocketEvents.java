package dev.dingus.messages.realtime;

import static dev.dingus.contracts.realtime.SocketEvents.roomTarget;

import dev.dingus.contracts.realtime.SocketEvents;
import dev.dingus.messages.core.MessagesProperties;
import dev.dingus.messages.membership.MembershipService;
import dev.dingus.messages.messaging.HistoryPage;
import dev.dingus.messages.messaging.MessageService;
import dev.dingus.platform.web.errors.ApiException;
import dev.dingus.platform.web.security.AuthenticatedUser;
import dev.dingus.socketio.Socket;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * {@code join_room}, {@code leave_room}, {@code typing}, {@code stop_typing}. Joining needs membership (checked
 * before and again after the join, so a removal meanwhile wins) and answers with the latest page; the socket joins
 * before the page is read, so no message falls between them.
 */
@Component
class RoomSocketEvents implements SocketEventGroup {
    private final MembershipService membership;
    private final MessageService messages;
    private final TypingSockets typing;
    private final int pageSize;

    RoomSocketEvents(MembershipService membership, MessageService messages, TypingSockets typing, MessagesProperties props) {
        this.membership = membership;
        this.messages = messages;
        this.typing = typing;
        this.pageSize = props.limits().defaultPageSize();
    }

    @Override
    public void register(Socket socket) {
        typing.register(socket);
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
                s.to(roomTarget(roomId)).emit(SocketEvents.USER_JOINED, TypingSockets.who(roomId, user));
            }
        });
        SocketEventGroup.on(socket, SocketEvents.LEAVE_ROOM, (s, user, args, ack) -> {
            UUID roomId = Payload.of(args, SocketEvents.LEAVE_ROOM).uuid("roomId", "room_id");
            boolean wasIn = s.rooms().contains(roomTarget(roomId));
            typing.stop(s, user, roomId);
            s.leave(roomTarget(roomId));
            ack.send(Map.of("success", true, "roomId", roomId));
            s.emit(SocketEvents.ROOM_LEFT, Map.of("roomId", roomId));
            if (wasIn) {
                s.to(roomTarget(roomId)).emit(SocketEvents.USER_LEFT, TypingSockets.who(roomId, user));
            }
        });
        SocketEventGroup.on(socket, SocketEvents.TYPING, (s, user, args, ack) -> {
            UUID roomId = Payload.of(args, SocketEvents.TYPING).uuid("roomId", "room_id");
            membership.requireMember(roomId, user.id());
            if (typing.start(s, user, roomId)) {
                s.to(roomTarget(roomId)).emit(SocketEvents.USER_TYPING, TypingSockets.who(roomId, user));
            }
            ack.send(Map.of("success", true));
        });
        SocketEventGroup.on(socket, SocketEvents.STOP_TYPING, (s, user, args, ack) -> {
            UUID roomId = Payload.of(args, SocketEvents.STOP_TYPING).uuid("roomId", "room_id");
            membership.requireMember(roomId, user.id());
            typing.stop(s, user, roomId);
            ack.send(Map.of("success", true));
        });
        socket.onDisconnect(reason -> typing.stopAll(socket, SocketEventGroup.userOf(socket)));
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
}
