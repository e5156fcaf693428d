package dev.dingus.messages.realtime;

import dev.dingus.contracts.realtime.SocketEvents;
import dev.dingus.messages.core.MessagesProperties;
import dev.dingus.messages.membership.MembershipService;
import dev.dingus.messages.messaging.HistoryPage;
import dev.dingus.messages.messaging.MessageService;
import dev.dingus.messages.reads.ReadService;
import dev.dingus.platform.web.errors.ApiException;
import dev.dingus.socketio.Socket;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * {@code mark_read} and {@code sync}. Sync answers, per room, every message after the client's last seq
 * (up to {@code sync-max-messages-per-room}, with {@code hasMore} to ask again); rooms the user may not read
 * get an error of their own instead of failing the whole answer.
 */
@Component
class ReadSocketEvents implements SocketEventGroup {
    private final ReadService reads;
    private final MembershipService membership;
    private final MessageService messages;
    private final int maxRooms;
    private final int maxPerRoom;

    ReadSocketEvents(ReadService reads, MembershipService membership, MessageService messages, MessagesProperties props) {
        this.reads = reads;
        this.membership = membership;
        this.messages = messages;
        this.maxRooms = props.limits().syncMaxRooms();
        this.maxPerRoom = props.limits().syncMaxMessagesPerRoom();
    }

    @Override
    public void register(Socket socket) {
        SocketEventGroup.on(socket, SocketEvents.MARK_READ, (s, user, args, ack) -> {
            Payload p = Payload.of(args, SocketEvents.MARK_READ);
            UUID roomId = p.uuid("roomId", "room_id");
            long seq = p.nonNegativeLong("seq");
            reads.markRead(user.id(), roomId, seq);
            ack.send(Map.of("success", true, "roomId", roomId, "seq", seq));
        });
        SocketEventGroup.on(socket, SocketEvents.SYNC, (s, user, args, ack) -> {
            JsonNode rooms = Payload.of(args, SocketEvents.SYNC).node().get("rooms");
            if (rooms == null || !rooms.isObject()) {
                throw ApiException.validation("rooms must be an object of roomId → last seq.");
            }
            if (rooms.size() > maxRooms) {
                throw ApiException.validation("sync takes at most " + maxRooms + " rooms per call.");
            }
            Map<UUID, Long> wanted = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : rooms.properties()) {
                UUID roomId = Payload.parseUuid(e.getKey(), "each key of rooms");
                wanted.put(roomId, Payload.nonNegative(e.getValue(), "rooms." + e.getKey()));
            }
            Map<String, Object> byRoom = new LinkedHashMap<>();
            Map<String, Object> hasMore = new LinkedHashMap<>();
            Map<String, Object> errors = new LinkedHashMap<>();
            wanted.forEach((roomId, lastSeq) -> {
                try {
                    membership.requireMember(roomId, user.id());
                    HistoryPage page = messages.since(roomId, lastSeq, maxPerRoom);
                    byRoom.put(roomId.toString(), page.messages());
                    hasMore.put(roomId.toString(), page.hasMore());
                } catch (ApiException e) {
                    errors.put(roomId.toString(), Map.of("code", e.code(), "message", e.getMessage()));
                }
            });
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("success", true);
            answer.put("rooms", byRoom);
            answer.put("hasMore", hasMore);
            answer.put("errors", errors);
            ack.send(answer);
        });
    }
}
