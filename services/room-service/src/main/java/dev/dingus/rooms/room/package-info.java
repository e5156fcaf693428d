/** Rooms themselves: create (the creator owns it), list mine, read, change settings, delete. */
package dev.dingus.rooms.room;
