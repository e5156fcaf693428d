/**
 * Socket.IO WebSocket connections spliced at the TCP level: after the gateway has checked an upgrade request and
 * chosen its node, the connection's bytes are copied both ways without decoding a frame (ADR 0015). Everything else,
 * including every upgrade it does not take, goes through Spring Cloud Gateway as before.
 */
package dev.dingus.gateway.socketsplice;
