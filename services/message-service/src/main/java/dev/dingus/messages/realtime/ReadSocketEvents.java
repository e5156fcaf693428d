package dev.dingus.messages.realtime;

import dev.dingus.contracts.realtime.SocketEvents;
import dev.dingus.messages.core.MessageView;
import dev.dingus.messages.core.MessagesProperties;
import dev.dingus.messages.membership.MembershipService;
import dev.dingus.messages.messaging.HistoryPage;
import dev.dingus.messages.messaging.MessageService;
import dev.dingus.messages.reads.ReadService;
import dev.dingus.platform.web.errors.ApiException;
import dev.dingus.socketio.Socket;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * {@code mark_read} and {@code sync}. Sync answers, per room, every message after the client's last seq
 * (up to {@code sync-max-messages-per-room}, and up to {@code sync-max-bytes} for the whole answer, with
 * {@code hasMore} to ask again); rooms the user may not read get an error of their own instead of failing the
 * whole answer.
 */
@Component
class ReadSocketEvents implements SocketEventGroup {
    private final ReadService reads;
    private final MembershipService membership;
    private final MessageService messages;
    private final int maxRooms;
    private final int maxPerRoom;
    private final int maxBytes;

    ReadSocketEvents(ReadService reads, MembershipService membership, MessageService messages, MessagesProperties props) {
        this.reads = reads;
        this.membership = membership;
        this.messages = messages;
        this.maxRooms = props.limits().syncMaxRooms();
        this.maxPerRoom = props.limits().syncMaxMessagesPerRoom();
        this.maxBytes = props.limits().syncMaxBytes();
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
            Budget budget = new Budget(maxBytes);
            wanted.forEach((roomId, lastSeq) -> {
                try {
                    membership.requireMember(roomId, user.id());
                    // Once the answer is full, a room still gets its next message: clients continue a room from
                    // the last seq they received, so one with hasMore needs one.
                    HistoryPage page = messages.since(roomId, lastSeq, budget.spent() ? 1 : maxPerRoom);
                    int taken = budget.take(page.messages());
                    byRoom.put(roomId.toString(), page.messages().subList(0, taken));
                    hasMore.put(roomId.toString(), page.hasMore() || taken < page.messages().size());
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

    /**
     * The bytes one sync answer may still carry, counted as messages are taken. A room's first message is always
     * taken, so that every room with more gets further: an answer is at most the budget plus one message per room.
     */
    static final class Budget {
        /** A message's JSON beyond its texts: three ids, seq, two times, the keys and quotes (280 to 310 bytes). */
        static final int FIXED_MESSAGE_BYTES = 320;

        private long left;

        Budget(long bytes) {
            this.left = bytes;
        }

        /** No more messages fit, beyond each room's first. */
        boolean spent() {
            return left < FIXED_MESSAGE_BYTES;
        }

        /** How many of a room's messages, from the first, fit in what is left (the first always does); their bytes are taken. */
        int take(List<MessageView> messages) {
            int taken = 0;
            for (MessageView m : messages) {
                long size = FIXED_MESSAGE_BYTES + utf8Length(m.content()) + utf8Length(m.senderUsername())
                        + utf8Length(m.clientMsgId());
                if (size > left && taken > 0) {
                    break;
                }
                left -= size;
                taken++;
            }
            return taken;
        }

        /** As UTF-8, without encoding it; JSON escapes (quotes, line breaks) are not counted. */
        static long utf8Length(String s) {
            if (s == null) {
                return 0;
            }
            long bytes = 0;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                bytes += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
            }
            return bytes;
        }
    }
}
