/**
 * Telling others: {@code presence_update} to the sockets of everyone who shares a room or a friendship
 * (one emit through the Redis fan-out), and {@code presence.changed} on RabbitMQ.
 */
package dev.dingus.presence.delivery;
