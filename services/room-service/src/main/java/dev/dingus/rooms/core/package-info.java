/**
 * The shared kernel of room-service: the rooms and memberships tables ({@link dev.dingus.rooms.core.Rooms},
 * {@link dev.dingus.rooms.core.Memberships}), who may see and change a room ({@link dev.dingus.rooms.core.RoomAccess}),
 * limits, the API views and the events every change publishes through the outbox. Depends on no feature.
 */
package dev.dingus.rooms.core;
