/** Full-text search over the messages of the rooms I belong to (PostgreSQL {@code tsvector} + GIN index), paged. */
package dev.dingus.messages.search;
