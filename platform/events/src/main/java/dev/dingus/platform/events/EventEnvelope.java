package dev.dingus.platform.events;

import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** What travels on {@code dingus.events}: {@code {id, type, occurredAt, producer, data}}; {@code type} is the routing key. */
public record EventEnvelope(UUID id, String type, Instant occurredAt, String producer, JsonNode data) {}
