package dev.dingus.messages.messaging.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dingus.contracts.events.EventTypes;
import dev.dingus.contracts.events.MessageCreated;
import dev.dingus.platform.events.EventEnvelope;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class MessageEventHeadersTest {
    private final JsonMapper json = JsonMapper.builder().findAndAddModules().build();
    private final MessageEventHeaders headers = new MessageEventHeaders(json);

    @Test
    void messageCreatedCarriesItsRoomKindAndWhetherItMentionsAnyone() {
        assertThat(headers.of(created("dm", List.of()))).containsExactlyInAnyOrderEntriesOf(
                Map.of(EventTypes.HEADER_ROOM_KIND, "dm", EventTypes.HEADER_HAS_MENTIONS, "false"));
        assertThat(headers.of(created("public", List.of("bob")))).containsExactlyInAnyOrderEntriesOf(
                Map.of(EventTypes.HEADER_ROOM_KIND, "public", EventTypes.HEADER_HAS_MENTIONS, "true"));
    }

    @Test
    void otherEventsCarryNone() {
        EventEnvelope read = new EventEnvelope(UUID.randomUUID(), EventTypes.MESSAGE_READ, Instant.now(), "message-service",
                json.createObjectNode().put("seq", 3));
        assertThat(headers.of(read)).isEmpty();
    }

    private EventEnvelope created(String kind, List<String> mentions) {
        MessageCreated m = new MessageCreated(UUID.randomUUID(), UUID.randomUUID(), kind, 7, UUID.randomUUID(), "alice",
                "hello", mentions, Instant.now());
        return new EventEnvelope(UUID.randomUUID(), EventTypes.MESSAGE_CREATED, Instant.now(), "message-service",
                json.valueToTree(m));
    }
}
