/**
 * Users and rooms as auth-service and room-service announced them (user, room and membership events):
 * usernames for mentions, members for DMs, mentions and room alerts, room names for titles.
 */
package dev.dingus.notifications.directory;
