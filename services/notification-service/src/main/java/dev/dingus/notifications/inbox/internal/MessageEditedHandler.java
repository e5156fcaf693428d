package dev.dingus.notifications.inbox.internal;

import dev.dingus.contracts.events.EventTypes;
import dev.dingus.contracts.events.MessageEdited;
import dev.dingus.platform.events.EventEnvelope;
import dev.dingus.platform.events.EventHandler;
import org.springframework.stereotype.Component;

/**
 * {@code message.edited}: the preview goes, since what was edited out (a pasted secret, a removed mention) must not
 * stay quoted. The event carries no content, so the notification keeps no text and opening it shows the current
 * one in the room.
 */
@Component
class MessageEditedHandler implements EventHandler<MessageEdited> {
    private final RetractedMessages retracted;

    MessageEditedHandler(RetractedMessages retracted) {
        this.retracted = retracted;
    }

    @Override
    public String type() {
        return EventTypes.MESSAGE_EDITED;
    }

    @Override
    public Class<MessageEdited> payloadType() {
        return MessageEdited.class;
    }

    @Override
    public boolean concerns(MessageEdited event) {
        return event.messageId() != null;
    }

    @Override
    public void handle(MessageEdited event, EventEnvelope envelope) {
        retracted.retract(event.messageId());
    }
}
