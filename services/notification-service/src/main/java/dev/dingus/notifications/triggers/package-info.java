/**
 * Which event makes which notification for whom: a message in a DM (the other member), a mention (the
 * mentioned members of that room), an invitation, a friend request and its acceptance. Never to the author
 * of the event, never from a room the recipient muted.
 */
package dev.dingus.notifications.triggers;
