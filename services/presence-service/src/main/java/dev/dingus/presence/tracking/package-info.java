/**
 * Noticing changes: message-service's socket reports on {@code <prefix>presence:events}, heartbeat deadlines
 * that passed (only those users are looked at: no sweep over everyone), and idle checks that come due.
 */
package dev.dingus.presence.tracking;
