package dev.dingus.messages.reads;

import dev.dingus.messages.core.MessageView;
import java.util.List;
import java.util.UUID;

/** {@code GET /api/v1/messages/unread}: per room, and the sum. Counts stop at the configured cap. */
public record UnreadView(List<RoomUnread> rooms, long total) {

    /** {@code unread}: messages of others after {@code lastReadSeq} that are not deleted. */
    public record RoomUnread(UUID roomId, long unread, long lastSeq, long lastReadSeq, MessageView lastMessage) {}
}
