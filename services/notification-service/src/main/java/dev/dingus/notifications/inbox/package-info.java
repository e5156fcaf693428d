/**
 * Storing notifications (once per event and recipient) and answering for them: the paged list, unread
 * count, mark read, mark all read. A deleted or edited message is not quoted, whichever of its events comes first;
 * a periodic cleanup keeps each recipient's newest notifications up to a cap.
 */
package dev.dingus.notifications.inbox;
