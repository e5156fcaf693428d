package dev.dingus.auth.friends.internal;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code friendships}: {@code requester} asked {@code addressee}; accepted or still pending. */
record Friendship(UUID requester, UUID addressee, Status status, Instant requestedAt, Instant acceptedAt) {
    enum Status { PENDING, ACCEPTED }

    UUID other(UUID me) {
        return requester.equals(me) ? addressee : requester;
    }

    Instant since() {
        return acceptedAt != null ? acceptedAt : requestedAt;
    }
}
