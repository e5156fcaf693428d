package dev.dingus.presence.users.internal;

import dev.dingus.contracts.events.EventTypes;
import dev.dingus.contracts.events.UserRegistered;
import dev.dingus.platform.events.EventEnvelope;
import dev.dingus.platform.events.EventHandler;
import dev.dingus.presence.users.KnownUsers;
import org.springframework.stereotype.Component;

/** Learns of every new user from auth-service's {@code user.registered}. */
@Component
class UserRegisteredHandler implements EventHandler<UserRegistered> {
    private final KnownUsers users;

    UserRegisteredHandler(KnownUsers users) {
        this.users = users;
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
        users.remember(event.userId());
    }
}
