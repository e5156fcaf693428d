/**
 * The shared kernel of message-service: settings, the message view every feature hands out, error
 * factories, Redis names and the Redis guard, and the {@link dev.dingus.messages.core.Fanout} port through
 * which features reach sockets. Depends on no feature.
 */
package dev.dingus.messages.core;
