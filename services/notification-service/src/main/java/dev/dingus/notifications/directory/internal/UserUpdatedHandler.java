package dev.dingus.notifications.directory.internal;

import dev.dingus.contracts.events.UserUpdated;
import dev.dingus.contracts.events.EventTypes;
import dev.dingus.notifications.directory.Directory;
import dev.dingus.platform.events.EventEnvelope;
import dev.dingus.platform.events.EventHandler;
import org.springframework.stereotype.Component;

/** {@code user.updated}: the username may have changed. */
@Component
class UserUpdatedHandler implements EventHandler<UserUpdated> {
    private final Directory directory;

    UserUpdatedHandler(Directory directory) {
        this.directory = directory;
    }

    @Override
    public String type() {
        return EventTypes.USER_UPDATED;
    }

    @Override
    public Class<UserUpdated> payloadType() {
        return UserUpdated.class;
    }

    @Override
    public void handle(UserUpdated event, EventEnvelope envelope) {
        directory.userRenamed(event.userId(), event.username());
    }
}
