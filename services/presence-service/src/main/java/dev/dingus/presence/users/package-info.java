/**
 * Which users exist: a Redis set filled from {@code user.registered} and from everything else that names a
 * user (socket reports, memberships, friendships), with auth-service asked about an id not seen yet.
 */
package dev.dingus.presence.users;
