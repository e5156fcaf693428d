/**
 * Reports connections and activity to presence-service through Redis, with the contract in
 * docs/protocol.md ("Presence reporting"): connect/disconnect events, per-user connection sets with
 * deadlines refreshed every 20 s, and the last activity. Redis being away never affects sockets.
 */
package dev.dingus.messages.presence;
