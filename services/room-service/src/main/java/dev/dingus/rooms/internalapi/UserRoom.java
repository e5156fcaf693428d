package dev.dingus.rooms.internalapi;

import java.util.UUID;

/** One room of a user, as other services need it. */
public record UserRoom(UUID roomId, String kind, String role, String postPolicy) {}
