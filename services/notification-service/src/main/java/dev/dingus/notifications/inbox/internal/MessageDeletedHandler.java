package dev.dingus.notifications.inbox.internal;

import dev.dingus.contracts.events.EventTypes;
import dev.dingus.contracts.events.MessageDeleted;
import dev.dingus.platform.events.EventEnvelope;
import dev.dingus.platform.events.EventHandler;
import org.springframework.stereotype.Component;

/** {@code message.deleted}: notifications keep pointing at the room but no longer quote the message. */
@Component
class MessageDeletedHandler implements EventHandler<MessageDeleted> {
    private final RetractedMessages retracted;

    MessageDeletedHandler(RetractedMessages retracted) {
        this.retracted = retracted;
    }

    @Override
    public String type() {
        return EventTypes.MESSAGE_DELETED;
    }

    @Override
    public Class<MessageDeleted> payloadType() {
        return MessageDeleted.class;
    }

    @Override
    public boolean concerns(MessageDeleted event) {
        return event.messageId() != null;
    }

    @Override
    public void handle(MessageDeleted event, EventEnvelope envelope) {
        retracted.retract(event.messageId());
    }
}
