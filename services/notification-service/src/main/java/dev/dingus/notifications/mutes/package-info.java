/** Per-room mutes: a user who muted a room gets no DM or mention notifications from it. */
package dev.dingus.notifications.mutes;
