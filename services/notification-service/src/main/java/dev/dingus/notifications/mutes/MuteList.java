package dev.dingus.notifications.mutes;

import java.util.List;

/** {@code {items:[{roomId, muted, mutedAt}]}}: the rooms the caller muted. */
public record MuteList(List<MuteView> items) {}
