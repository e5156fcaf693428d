/**
 * Who shares a room or a friendship with whom, kept in Redis sets from room-service's and auth-service's
 * events, so a presence change reaches exactly those people.
 */
package dev.dingus.presence.relations;
