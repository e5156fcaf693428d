/**
 * Storing notifications (once per event and recipient) and answering for them: the paged list, unread
 * count, mark read, mark all read. A deleted or edited message is not quoted, whichever of its events comes first.
 */
package dev.dingus.notifications.inbox;
