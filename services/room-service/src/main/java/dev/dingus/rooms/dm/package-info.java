/**
 * Direct messages: a room of kind {@code dm} with exactly two members. Asking for the DM of two users returns
 * the same room every time, also under concurrent requests (a unique index on the pair decides).
 */
package dev.dingus.rooms.dm;
