package dev.dingus.rooms.core;

/**
 * The rules for room names and topics, in one place for validation, storage and the OpenAPI document.
 * Lengths count characters (code points) after trimming surrounding white space.
 */
public final class RoomTexts {
    private RoomTexts() {}

    public static final int NAME_MAX = 80;
    public static final int TOPIC_MAX = 500;
    public static final String NAME_RULE = "1-80 characters after trimming, no control characters";
    public static final String TOPIC_RULE = "at most 500 characters after trimming; no control characters except line breaks and tabs; empty clears it";

    /** The name as stored: trimmed. */
    public static String name(String raw) {
        return raw == null ? null : raw.strip();
    }

    /** The topic as stored: trimmed, and null when empty. */
    public static String topic(String raw) {
        if (raw == null) {
            return null;
        }
        String topic = raw.strip();
        return topic.isEmpty() ? null : topic;
    }

    /** Why {@code raw} is not a valid name, or null when it is. */
    public static String nameProblem(String raw) {
        String name = name(raw);
        if (name == null || name.isEmpty()) {
            return "must not be blank";
        }
        if (name.codePointCount(0, name.length()) > NAME_MAX) {
            return "must be at most " + NAME_MAX + " characters";
        }
        if (name.codePoints().anyMatch(RoomTexts::isControl)) {
            return "must not contain control characters";
        }
        return null;
    }

    /** Why {@code raw} is not a valid topic, or null when it is (null and empty are valid). */
    public static String topicProblem(String raw) {
        String topic = topic(raw);
        if (topic == null) {
            return null;
        }
        if (topic.codePointCount(0, topic.length()) > TOPIC_MAX) {
            return "must be at most " + TOPIC_MAX + " characters";
        }
        if (topic.codePoints().anyMatch(c -> c != '\n' && c != '\t' && c != '\r' && isControl(c))) {
            return "must not contain control characters";
        }
        return null;
    }

    /** C0/C1 controls, plus invisible direction overrides that would let a name masquerade as another. */
    private static boolean isControl(int c) {
        return Character.isISOControl(c) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }
}
