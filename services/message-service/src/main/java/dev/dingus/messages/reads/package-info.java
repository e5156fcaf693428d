/**
 * Read state: how far each member has read each room (last read {@code seq}, only ever moving forward),
 * {@code messages_read} to the room, {@code message.read} events, and unread counts for all my rooms.
 */
package dev.dingus.messages.reads;
