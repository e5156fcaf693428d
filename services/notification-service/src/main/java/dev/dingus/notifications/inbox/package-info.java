/**
 * Storing notifications (once per event and recipient) and answering for them: the paged list, unread
 * count, mark read, mark all read. A deleted message's preview is removed from its notifications.
 */
package dev.dingus.notifications.inbox;
