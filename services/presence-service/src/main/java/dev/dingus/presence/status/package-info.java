/**
 * Deciding and answering presence: reads what message-service and the user left in Redis, decides the
 * visible status with {@code core.PresenceRules}, records what others were told (compare-and-set, so several
 * instances agree), announces changes, and serves the HTTP API.
 */
package dev.dingus.presence.status;
