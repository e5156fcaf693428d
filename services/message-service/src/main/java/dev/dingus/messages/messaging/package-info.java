/**
 * Messages: sending through the group-commit writer (acknowledged only after the commit), history pages
 * (the latest one from the Redis cache), edit, delete (tombstones), the outbox events {@code message.*},
 * and the HTTP endpoints of all that. Sockets are reached through {@link dev.dingus.messages.core.Fanout}.
 */
package dev.dingus.messages.messaging;
