package dev.dingus.messages.messaging;

import dev.dingus.messages.core.MessageView;
import java.util.List;

/** Messages ascending by seq; {@code hasMore}: more exist in the direction asked for. */
public record HistoryPage(List<MessageView> messages, boolean hasMore) {}
