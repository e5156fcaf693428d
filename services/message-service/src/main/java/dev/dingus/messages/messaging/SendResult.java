package dev.dingus.messages.messaging;

import dev.dingus.messages.core.MessageView;
import tools.jackson.databind.util.RawValue;

/**
 * A stored send: the message, and whether this was a resend of one stored before (nothing new was created).
 * {@code json} is the message already encoded for its broadcast (null for a resend), so the ack reuses it.
 */
public record SendResult(MessageView message, boolean duplicate, RawValue json) {

    /** The message for an answer: its broadcast's JSON when there is one. */
    public Object messageForAnswer() {
        return json != null ? json : message;
    }
}
