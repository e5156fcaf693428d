/**
 * Login throttling in Redis (keys under {@code dingus.redis.prefix}): failed logins per account and login
 * attempts per client address, answered with 429 {@code rate_limited} and {@code Retry-After}; and which
 * address a request comes from when it passed through the gateway.
 */
package dev.dingus.auth.throttling;
