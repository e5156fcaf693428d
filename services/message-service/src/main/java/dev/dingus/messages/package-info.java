/**
 * message-service: messages with a gap-free per-room {@code seq}, read state, search, and the Socket.IO
 * endpoint of Dingus. Features: {@code membership} (who may read and post, from room events),
 * {@code messaging} (storage with group commit, latest-page cache, HTTP), {@code reads} (read state and
 * unread counts), {@code search}, {@code realtime} (Socket.IO server and its events), {@code presence}
 * (connection reports for presence-service), {@code typing}, {@code ratelimit}; {@code core} is the shared
 * kernel they all may use, {@code config} wires infrastructure.
 */
package dev.dingus.messages;
