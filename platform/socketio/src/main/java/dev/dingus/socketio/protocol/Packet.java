package dev.dingus.socketio.protocol;

import tools.jackson.databind.JsonNode;

/**
 * A decoded inbound Socket.IO packet.
 *
 * @param type packet type; binary types are reported as {@link PacketType#EVENT} or
 *     {@link PacketType#ACK} once their attachments are in place
 * @param namespace namespace, {@code "/"} when the packet names none
 * @param ackId acknowledgement id, or {@code -1} when none was given
 * @param data payload; attachments appear as binary nodes; {@code null} when absent
 */
public record Packet(PacketType type, String namespace, long ackId, JsonNode data) {
  public boolean hasAckId() {
    return ackId >= 0;
  }
}
