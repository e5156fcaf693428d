package dev.dingus.messages.realtime;

import dev.dingus.platform.web.errors.ApiException;
import dev.dingus.socketio.Args;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * The first argument of a client event, read field by field with clear {@code validation_failed} answers for
 * missing fields and wrong types (never an exception that ends the connection).
 */
final class Payload {
    private final JsonNode node;

    private Payload(JsonNode node) {
        this.node = node;
    }

    static Payload of(Args args, String event) {
        JsonNode first = args.node(0);
        if (first == null || !first.isObject()) {
            throw ApiException.validation("'" + event + "' expects an object as its first argument.");
        }
        return new Payload(first);
    }

    JsonNode node() {
        return node;
    }

    UUID uuid(String field) {
        UUID value = optionalUuid(field);
        if (value == null) {
            throw ApiException.validation(field + " is required.");
        }
        return value;
    }

    /** The first of these fields that is present (e.g. {@code room_id} or {@code roomId}). */
    UUID uuid(String field, String alternative) {
        return node.hasNonNull(field) ? uuid(field) : uuid(alternative);
    }

    UUID optionalUuid(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        return parseUuid(v, field);
    }

    static UUID parseUuid(JsonNode v, String field) {
        if (!v.isString()) {
            throw ApiException.validation(field + " must be a UUID string.");
        }
        return parseUuid(v.stringValue(), field);
    }

    static UUID parseUuid(String s, String field) {
        try {
            if (s.length() != 36) {
                throw new IllegalArgumentException();
            }
            return UUID.fromString(s);
        } catch (IllegalArgumentException e) {
            throw ApiException.validation(field + " must be a UUID string.");
        }
    }

    /** A string field; null when absent. Wrong types are refused, not converted. */
    String optionalString(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isString()) {
            throw ApiException.validation(field + " must be a string.");
        }
        return v.stringValue();
    }

    long nonNegativeLong(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw ApiException.validation(field + " is required.");
        }
        return nonNegative(v, field);
    }

    static long nonNegative(JsonNode v, String field) {
        if (!v.isIntegralNumber() || !v.canConvertToLong() || v.longValue() < 0) {
            throw ApiException.validation(field + " must be a whole number of at least 0.");
        }
        return v.longValue();
    }
}
