package dev.dingus.platform.web.rooms;

import dev.dingus.contracts.security.ServiceAuth;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * room-service's internal membership answer ({@code GET /internal/rooms/{roomId}/members/{userId}}): the truth
 * for services that keep a copy of memberships from room-service's events, when an event has not arrived yet or
 * may have arrived out of order (ADR 0001). Never throws: room-service away is an answer of its own.
 */
public class RoomMembershipClient {
    private static final Logger log = LoggerFactory.getLogger(RoomMembershipClient.class);

    /** No user: the answer about nobody still carries the room's settings. */
    public static final UUID NOBODY = new UUID(0, 0);

    /** room-service's answer; {@code member} false with a null role for a non-member. */
    public record Membership(boolean member, String role, String kind, String postPolicy) {}

    public sealed interface Result permits Found, RoomMissing, Unavailable {}

    /** The room exists; whether the user is in it, and how. */
    public record Found(Membership membership) implements Result {}

    /** room-service does not know the room (deleted, or never created). */
    public record RoomMissing() implements Result {}

    /** room-service could not be asked or would not answer. */
    public record Unavailable() implements Result {}

    private final RestClient http;

    public RoomMembershipClient(RestClient.Builder builder, String roomServiceUrl, Duration timeout, String serviceToken) {
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(timeout).build());
        factory.setReadTimeout(timeout);
        this.http = builder.clone().baseUrl(roomServiceUrl).requestFactory(factory)
                .defaultHeader(ServiceAuth.HEADER, serviceToken).build();
    }

    /**
     * The key of {@code pg_advisory_xact_lock} under which a service applies a room's membership events, so that its
     * nodes (sharing one database) apply them one at a time. Rooms that share a key merely wait for each other.
     */
    public static long lockKey(UUID roomId) {
        return roomId.getMostSignificantBits() ^ roomId.getLeastSignificantBits();
    }

    public Result membership(UUID roomId, UUID userId) {
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
