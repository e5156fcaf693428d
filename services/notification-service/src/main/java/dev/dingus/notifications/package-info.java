/**
 * notification-service: stored notifications made from events (new DM, mention, invitation, friend request
 * and acceptance, system alert), delivered live through the Redis fan-out and listed over HTTP; per-room
 * mutes. Features: {@code core} (kinds, views, settings), {@code directory} (users and rooms as the events
 * told us), {@code mutes}, {@code inbox} (storing, listing, reading), {@code delivery} (live emits),
 * {@code triggers} (which event makes which notification), {@code alerts} (system alerts by admins).
 */
package dev.dingus.notifications;
