/**
 * Typing flags: {@code <prefix>messages:typing:<roomId>:<userId>} lives for {@code typing-ttl} after each
 * {@code typing}; they decide whether a {@code typing} is worth telling the room again (at most every
 * 2.5 s per user and room, clients resend while typing) and whether a leaving user was typing.
 */
package dev.dingus.messages.typing;
