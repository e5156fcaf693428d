package dev.dingus.presence.tracking.internal;

import java.time.Instant;
import java.util.UUID;

/** {@code {"type":"connect"|"disconnect","userId","socketId","nodeId","at"}} from message-service. */
record SocketReport(String type, UUID userId, String socketId, String nodeId, Instant at) {
    boolean isConnect() { return "connect".equals(type); }
    boolean isDisconnect() { return "disconnect".equals(type); }
}
