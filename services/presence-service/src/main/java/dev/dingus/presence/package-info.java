/**
 * presence-service: who is online across all their sockets (reported by message-service through Redis),
 * user-chosen statuses, idle "away", last seen; changes pushed to room-mates and friends. Redis only.
 * Features: {@code core} (keys, rules, settings), {@code status} (evaluation and HTTP), {@code tracking}
 * (socket reports, heartbeat expiry, idle checks), {@code relations} (who shares a room or a friendship),
 * {@code users} (which users exist), {@code delivery} (presence_update and presence.changed).
 */
package dev.dingus.presence;
