/**
 * Which users exist: a table fed by {@code user.registered} events, with auth-service's internal endpoint as
 * the fallback for users whose event has not arrived yet. Invitees and DM partners are checked here.
 */
package dev.dingus.rooms.users;
