package dev.dingus.presence.status;

import java.util.List;

/** {@code {items:[Presence]}}. */
public record PresenceItems(List<PresenceView> items) {}
