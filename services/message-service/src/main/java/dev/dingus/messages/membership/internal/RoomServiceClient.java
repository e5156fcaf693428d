package dev.dingus.messages.membership.internal;

import dev.dingus.contracts.security.ServiceAuth;
import dev.dingus.messages.core.MessagesProperties;
import dev.dingus.platform.web.config.DingusProperties;
import java.net.http.HttpClient;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * room-service's internal membership answer ({@code GET /internal/rooms/{roomId}/members/{userId}}), asked
 * only when the events have not told this service about a room or member yet.
 */
@Component
class RoomServiceClient {
    private static final Logger log = LoggerFactory.getLogger(RoomServiceClient.class);

    /** room-service's answer; {@code member} false with a null role for a non-member. */
    record Membership(boolean member, String role, String kind, String postPolicy) {}

    sealed interface Result permits Found, RoomMissing, Unavailable {}

    record Found(Membership membership) implements Result {}

    record RoomMissing() implements Result {}

    record Unavailable() implements Result {}

    private final RestClient http;

    RoomServiceClient(RestClient.Builder builder, MessagesProperties props, DingusProperties dingus) {
        MessagesProperties.Membership m = props.membership();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(m.roomServiceTimeout()).build());
        factory.setReadTimeout(m.roomServiceTimeout());
        this.http = builder.clone().baseUrl(m.roomServiceUrl()).requestFactory(factory)
                .defaultHeader(ServiceAuth.HEADER, dingus.security().serviceToken()).build();
    }

    Result membership(UUID roomId, UUID userId) {
        try {
            Membership answer = http.get().uri("/internal/rooms/{roomId}/members/{userId}", roomId, userId)
                    .retrieve().body(Membership.class);
            return answer == null ? new Unavailable() : new Found(answer);
        } catch (HttpClientErrorException e) {
            if (e.getStatusCode().isSameCodeAs(HttpStatus.NOT_FOUND)) {
                return new RoomMissing();
            }
            log.warn("room-service refused the membership question: {}", e.getStatusCode());
            return new Unavailable();
        } catch (RestClientException e) {
            log.warn("room-service is not reachable for a membership question: {}", e.getMessage());
            return new Unavailable();
        }
    }
}
