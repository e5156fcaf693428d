package dev.dingus.rooms.dm.internal;

import dev.dingus.platform.web.errors.ApiException;
import dev.dingus.rooms.core.Capacity;
import dev.dingus.rooms.core.Kind;
import dev.dingus.rooms.core.Memberships;
import dev.dingus.rooms.core.PostPolicy;
import dev.dingus.rooms.core.Role;
import dev.dingus.rooms.core.RoomEvents;
import dev.dingus.rooms.core.RoomMembers;
import dev.dingus.rooms.core.RoomRow;
import dev.dingus.rooms.core.RoomView;
import dev.dingus.rooms.core.Rooms;
import dev.dingus.rooms.core.Times;
import dev.dingus.rooms.dm.DmView;
import dev.dingus.rooms.users.KnownUsers;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Get-or-create of the DM between two users. The pair is stored in a canonical order under a unique index
 * and inserted with ON CONFLICT DO NOTHING, so concurrent requests end in one room; the loser reads the
 * winner's room. Both members are plain members; a DM has no owner.
 */
@Service
public class DmService {
    private final Rooms rooms;
    private final Memberships memberships;
    private final RoomMembers members;
    private final RoomEvents events;
    private final Capacity capacity;
    private final KnownUsers users;
    private final TransactionTemplate tx;

    public DmService(Rooms rooms, Memberships memberships, RoomMembers members, RoomEvents events, Capacity capacity,
            KnownUsers users, TransactionTemplate tx) {
        this.rooms = rooms;
        this.memberships = memberships;
        this.members = members;
        this.events = events;
        this.capacity = capacity;
        this.users = users;
        this.tx = tx;
    }

    /** The DM and whether this call created it. */
    public record Outcome(RoomView room, boolean created) {}

    public Outcome getOrCreate(UUID caller, UUID other) {
        if (caller.equals(other)) {
            throw ApiException.validation("A direct conversation needs another user.");
        }
        UUID low = lower(caller, other);
        UUID high = low.equals(caller) ? other : caller;
        Optional<RoomRow> existing = rooms.findDm(low, high);
        if (existing.isPresent()) {
            return new Outcome(RoomView.of(existing.get(), Role.MEMBER, caller), false);
        }
        users.requireExists(other); // may ask auth-service: before any lock is held
        return tx.execute(status -> {
            capacity.requireRoomFor(caller, caller, other); // also queues requests for the same pair
            Optional<RoomRow> raced = rooms.findDm(low, high);
            if (raced.isPresent()) {
                return new Outcome(RoomView.of(raced.get(), Role.MEMBER, caller), false);
            }
            Instant now = Times.now();
            RoomRow room = new RoomRow(UUID.randomUUID(), Kind.DM, null, null, PostPolicy.EVERYONE, null, 0, low, high, now, now);
            if (!rooms.insertDmIfAbsent(room)) {
                RoomRow winner = rooms.findDm(low, high).orElseThrow();
                return new Outcome(RoomView.of(winner, Role.MEMBER, caller), false);
            }
            events.created(room);
            members.add(room, caller, Role.MEMBER, RoomEvents.VIA_DM, caller);
            members.add(room, other, Role.MEMBER, RoomEvents.VIA_DM, caller);
            RoomRow stored = rooms.find(room.id()).orElseThrow();
            return new Outcome(RoomView.of(stored, Role.MEMBER, caller), true);
        });
    }

    public List<DmView> mine(UUID caller) {
        return memberships.roomsOf(caller, Kind.DM).stream()
                .map(r -> new DmView(RoomView.of(r.room(), r.role(), caller), r.room().otherUserOf(caller)))
                .toList();
    }

    /** The canonical first user of a pair (by the text form, the same order everywhere). */
    static UUID lower(UUID a, UUID b) {
        return a.toString().compareTo(b.toString()) <= 0 ? a : b;
    }
}
