/**
 * Who may read and post where. Kept from room-service's events in this service's own tables plus an
 * in-memory cache; room-service's internal endpoint answers only what the events have not told yet.
 * Every node applies a change at once (Redis channel {@code <prefix>messages:membership}): caches drop the
 * entry and {@link dev.dingus.messages.membership.MembershipListener}s (the sockets) react.
 */
package dev.dingus.messages.membership;
