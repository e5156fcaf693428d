package dev.dingus.notifications.directory;

import dev.dingus.platform.web.config.DingusProperties;
import dev.dingus.platform.web.rooms.RoomMembershipClient;
import java.time.Duration;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Who is in a room, as this service records it for DMs, mentions and room alerts. A room's member events can arrive
 * out of order (the nodes share one queue; room-service's instances relay side by side, ADR 0001), and a late
 * "added" after the removal would keep sending the removed member mentions with the message's preview. So an event
 * only says whom to look at: under the room's lock, what is recorded is room-service's answer, asked after the
 * event's change committed; the event itself decides only when room-service does not answer.
 */
@Component
public class Memberships {
    private final Directory directory;
    private final RoomMembershipClient roomService;

    Memberships(Directory directory, RestClient.Builder http, DingusProperties dingus,
            @Value("${dingus.notifications.room-service-url}") String roomServiceUrl,
            @Value("${dingus.notifications.room-service-timeout:2s}") Duration timeout) {
        this.directory = directory;
        this.roomService = new RoomMembershipClient(http, roomServiceUrl, timeout, dingus.security().serviceToken());
    }

    /** After a member event about the user: {@code addedByEvent} is what the event said. */
    public void changed(UUID roomId, UUID userId, boolean addedByEvent) {
        directory.lockRoom(roomId);
        boolean member = switch (roomService.membership(roomId, userId)) {
            case RoomMembershipClient.Found(RoomMembershipClient.Membership m) -> m.member();
            case RoomMembershipClient.RoomMissing missing -> false;
            case RoomMembershipClient.Unavailable unavailable -> addedByEvent;
        };
        if (member) {
            directory.memberAdded(roomId, userId);
        } else {
            directory.memberRemoved(roomId, userId);
        }
    }
}
