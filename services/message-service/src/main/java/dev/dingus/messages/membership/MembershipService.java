package dev.dingus.messages.membership;

import dev.dingus.messages.core.MessageErrors;
import dev.dingus.messages.membership.internal.MembershipLookup;
import dev.dingus.messages.membership.internal.MembershipLookup.Answer;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Answers "may this user read / post in this room?". A non-member learns nothing about private rooms and
 * DMs (404 {@code room_not_found}, as for a room that does not exist); public rooms answer 403
 * {@code not_a_member}, since anyone may see and join them.
 */
@Service
public class MembershipService {
    private final MembershipLookup lookup;

    MembershipService(MembershipLookup lookup) {
        this.lookup = lookup;
    }

    /** The member's access, or the error a non-member gets. */
    public RoomAccess requireMember(UUID roomId, UUID userId) {
        Answer answer = lookup.find(roomId, userId);
        if (answer.access() != null) {
            return answer.access();
        }
        throw "public".equals(answer.kind()) ? MessageErrors.notAMember() : MessageErrors.roomNotFound();
    }

    /** As {@link #requireMember}, and the room's post policy must let this member post. */
    public RoomAccess requirePoster(UUID roomId, UUID userId) {
        RoomAccess access = requireMember(roomId, userId);
        if (!access.mayPost()) {
            throw MessageErrors.postingNotAllowed();
        }
        return access;
    }

    public boolean isMember(UUID roomId, UUID userId) {
        return lookup.find(roomId, userId).access() != null;
    }
}
