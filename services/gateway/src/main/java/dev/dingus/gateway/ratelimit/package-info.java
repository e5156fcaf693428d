/**
 * Redis token buckets at the edge: per user on authenticated API calls, per client address otherwise, and a
 * stricter bucket per address for login, register and refresh. Over the limit: 429 {@code rate_limited} with
 * {@code Retry-After}. Redis trouble fails open (the services keep their own throttles).
 */
package dev.dingus.gateway.ratelimit;
