/**
 * room-service: rooms, memberships, roles and direct messages (ARCHITECTURE §5 "Rooms"). Packaged by
 * feature: {@code room} (create, read, settings, delete), {@code discovery} (public rooms by name),
 * {@code membership} (join, leave, invite, remove, roles, member lists), {@code dm} (direct messages),
 * {@code users} (who exists), {@code internalapi} (membership answers for other services); {@code core}
 * holds what they share: the tables, access rules, limits, views and events.
 */
package dev.dingus.rooms;
