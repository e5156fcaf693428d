package dev.dingus.contracts.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Payload of {@code user.registered}. */
public record UserRegistered(UUID userId, String username, String displayName, Instant createdAt) {}
