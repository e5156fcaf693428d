package dev.dingus.presence.tracking.internal;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * {@code {"type":"connect"|"disconnect","userId","socketId","nodeId","at"}} from message-service; {@code at} is
 * epoch millis (an RFC 3339 string is accepted too).
 */
record SocketReport(String type, UUID userId, String socketId, String nodeId, JsonNode at) {
    boolean isConnect() { return "connect".equals(type); }
    boolean isDisconnect() { return "disconnect".equals(type); }

    /** When it happened, null when the report does not say (or says it unreadably). */
    Instant when() {
        if (at == null || at.isNull()) {
            return null;
        }
        if (at.isNumber()) {
            return Instant.ofEpochMilli(at.asLong());
        }
        try {
            return Instant.parse(at.asString());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
