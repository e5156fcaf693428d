/**
 * The Socket.IO endpoint (docs/protocol.md): the server on its own port, handshake authentication by access
 * token, every client event of ARCHITECTURE §5 with acks and error codes, revoked sessions disconnected, and
 * sockets leaving rooms their user was removed from. Implements {@link dev.dingus.messages.core.Fanout}.
 */
package dev.dingus.messages.realtime;
