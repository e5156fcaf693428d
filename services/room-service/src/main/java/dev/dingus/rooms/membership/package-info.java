/**
 * Who is in a room and with which role: join (public rooms), leave (an owner hands over to the oldest admin,
 * else the oldest member; the last one out deletes the room), invite and remove (admins), roles (owner),
 * and the paged member list.
 */
package dev.dingus.rooms.membership;
