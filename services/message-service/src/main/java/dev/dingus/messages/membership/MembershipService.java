package dev.dingus.messages.membership;

import dev.dingus.messages.core.MessageErrors;
import dev.dingus.messages.membership.internal.MembershipLookup;
import dev.dingus.messages.membership.internal.MembershipLookup.Answer;
import dev.dingus.messages.membership.internal.MembershipStore;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
    private final MembershipStore store;

    MembershipService(MembershipLookup lookup, MembershipStore store) {
        this.lookup = lookup;
        this.store = store;
    }

    /** The member's access, or the error a non-member gets. */
    public RoomAccess requireMember(UUID roomId, UUID userId) {
        return member(lookup.find(roomId, userId));
    }

    /** As {@link #requireMember}, and the room's post policy must let this member post. */
    public RoomAccess requirePoster(UUID roomId, UUID userId) {
        return poster(lookup.find(roomId, userId));
    }

    /**
     * As {@link #requirePoster} when the answer is in memory; empty when finding it would need the database or
     * room-service (for callers that must not block, e.g. on a network thread).
     */
    public Optional<RoomAccess> requirePosterFromMemory(UUID roomId, UUID userId) {
        return lookup.cached(roomId, userId).map(MembershipService::poster);
    }

    private static RoomAccess member(Answer answer) {
        if (answer.access() != null) {
            return answer.access();
        }
        throw "public".equals(answer.kind()) ? MessageErrors.notAMember() : MessageErrors.roomNotFound();
    }

    private static RoomAccess poster(Answer answer) {
        RoomAccess access = member(answer);
        if (!access.mayPost()) {
            throw MessageErrors.postingNotAllowed();
        }
        return access;
    }

    public boolean isMember(UUID roomId, UUID userId) {
        return lookup.find(roomId, userId).access() != null;
    }

    /** A (room, user) pair, e.g. a socket's user in a room it joined. */
    public record Pair(UUID roomId, UUID userId) {}

    /**
     * The pairs that are not members (any more): one query for all of them; only the pairs the tables do not
     * know (a join whose event has not arrived yet) are asked one by one, of room-service (not the cache, which
     * may hold exactly the answer a missed change should have dropped).
     */
    public List<Pair> notMembers(List<Pair> pairs) {
        Set<String> known = store.existingPairs(pairs.stream().map(Pair::roomId).toList(),
                pairs.stream().map(Pair::userId).toList());
        return pairs.stream()
                .filter(p -> !known.contains(p.roomId() + "/" + p.userId()))
                .filter(p -> lookup.findFresh(p.roomId(), p.userId()).access() == null)
                .toList();
    }
}
