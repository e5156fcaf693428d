package dev.dingus.messages.reads;

import dev.dingus.contracts.events.EventTypes;
import dev.dingus.contracts.events.MessageRead;
import dev.dingus.contracts.realtime.SocketEvents;
import dev.dingus.messages.core.Fanout;
import dev.dingus.messages.core.MessageView;
import dev.dingus.messages.core.MessagesProperties;
import dev.dingus.messages.membership.MembershipService;
import dev.dingus.messages.membership.RoomDeletion;
import dev.dingus.messages.messaging.MessageService;
import dev.dingus.messages.reads.internal.ReadStore;
import dev.dingus.platform.events.outbox.Outbox;
import dev.dingus.platform.web.errors.ApiException;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Marking rooms read (forward only) and counting what is unread. */
@Service
public class ReadService implements RoomDeletion {
    private final MembershipService membership;
    private final MessageService messages;
    private final ReadStore store;
    private final Outbox outbox;
    private final TransactionTemplate tx;
    private final Fanout fanout;
    private final int unreadCap;

    ReadService(MembershipService membership, MessageService messages, ReadStore store, Outbox outbox,
            TransactionTemplate tx, Fanout fanout, MessagesProperties props) {
        this.membership = membership;
        this.messages = messages;
        this.store = store;
        this.outbox = outbox;
        this.tx = tx;
        this.fanout = fanout;
        this.unreadCap = props.limits().unreadCountCap();
    }

    /** {@code userId} has read {@code roomId} up to {@code seq}; the room hears of it when the position moved. */
    public void markRead(UUID userId, UUID roomId, Long seq) {
        if (seq == null || seq < 0) {
            throw ApiException.validation("seq must be a number of at least 0.");
        }
        membership.requireMember(roomId, userId);
        if (seq > messages.lastSeq(roomId)) {
            throw ApiException.validation("seq is beyond the room's last message.");
        }
        OptionalLong moved = tx.execute(status -> {
            OptionalLong position = store.advance(roomId, userId, seq);
            if (position.isPresent()) {
                outbox.publish(EventTypes.MESSAGE_READ, new MessageRead(roomId, userId, seq));
            }
            return position;
        });
        if (moved != null && moved.isPresent()) {
            fanout.toRoom(roomId, SocketEvents.MESSAGES_READ, new ReadPosition(roomId, userId, seq));
        }
    }

    public UnreadView unread(UUID userId) {
        List<ReadStore.Unread> rows = store.unread(userId, unreadCap);
        Map<UUID, MessageView> last = messages.lastMessages(rows.stream().map(ReadStore.Unread::roomId).toList());
        List<UnreadView.RoomUnread> rooms = rows.stream()
                .map(r -> new UnreadView.RoomUnread(r.roomId(), r.unread(), r.lastSeq(), r.lastReadSeq(), last.get(r.roomId())))
                .toList();
        return new UnreadView(rooms, rooms.stream().mapToLong(UnreadView.RoomUnread::unread).sum());
    }

    /** A deleted room's read positions go in the room purger's batches (ADR 0013). */
    @Override
    public int purgeBatch(UUID roomId, int limit) {
        return store.deleteBatch(roomId, limit);
    }

    /** {@code messages_read}. */
    public record ReadPosition(UUID roomId, UUID userId, long seq) {}
}
