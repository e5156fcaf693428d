package dev.dingus.contracts.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Payload of {@code user.updated}: the public profile after the change. */
public record UserUpdated(UUID userId, String username, String displayName, String avatarUrl, String statusText) {}
