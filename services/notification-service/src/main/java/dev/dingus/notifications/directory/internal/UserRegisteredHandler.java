package dev.dingus.notifications.directory.internal;

import dev.dingus.contracts.events.UserRegistered;
import dev.dingus.contracts.events.EventTypes;
import dev.dingus.notifications.directory.Directory;
import dev.dingus.platform.events.EventEnvelope;
import dev.dingus.platform.events.EventHandler;
import org.springframework.stereotype.Component;

/** {@code user.registered}: a user to resolve in mentions and to reach with alerts. */
@Component
class UserRegisteredHandler implements EventHandler<UserRegistered> {
    private final Directory directory;

    UserRegisteredHandler(Directory directory) {
        this.directory = directory;
    }

    @Override
    public String type() {
        return EventTypes.USER_REGISTERED;
    }

    @Override
    public Class<UserRegistered> payloadType() {
        return UserRegistered.class;
    }

    @Override
    public void handle(UserRegistered event, EventEnvelope envelope) {
        directory.userRegistered(event.userId(), event.username(), event.createdAt());
    }
}
