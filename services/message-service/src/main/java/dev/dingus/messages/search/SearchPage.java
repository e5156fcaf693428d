package dev.dingus.messages.search;

import dev.dingus.messages.core.MessageView;
import java.util.List;

/** Newest first; {@code hasMore} instead of a total, which would cost a full count. */
public record SearchPage(List<MessageView> items, int page, int size, boolean hasMore) {}
