/**
 * Per-user rate of message writes (sends, edits, deletes, together): a token bucket in Redis shared by every node,
 * and the same bucket in memory while Redis is away (then per node). A write beyond the rate is refused with
 * {@code rate_limited}, never dropped.
 */
package dev.dingus.messages.ratelimit;
