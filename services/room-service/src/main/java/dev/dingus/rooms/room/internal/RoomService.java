package dev.dingus.rooms.room.internal;

import dev.dingus.rooms.core.Capacity;
import dev.dingus.rooms.core.Kind;
import dev.dingus.rooms.core.Memberships;
import dev.dingus.rooms.core.PostPolicy;
import dev.dingus.rooms.core.Role;
import dev.dingus.rooms.core.RoomAccess;
import dev.dingus.rooms.core.RoomContext;
import dev.dingus.rooms.core.RoomEvents;
import dev.dingus.rooms.core.RoomMembers;
import dev.dingus.rooms.core.RoomRow;
import dev.dingus.rooms.core.RoomTexts;
import dev.dingus.rooms.core.RoomView;
import dev.dingus.rooms.core.Rooms;
import dev.dingus.rooms.core.Times;
import dev.dingus.rooms.room.CreateRoomRequest;
import dev.dingus.rooms.room.UpdateRoomRequest;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Create, read, change and delete rooms, each authorized from the caller's role. */
@Service
public class RoomService {
    private final Rooms rooms;
    private final Memberships memberships;
    private final RoomAccess access;
    private final RoomMembers members;
    private final Capacity capacity;
    private final RoomEvents events;

    public RoomService(Rooms rooms, Memberships memberships, RoomAccess access, RoomMembers members, Capacity capacity,
            RoomEvents events) {
        this.rooms = rooms;
        this.memberships = memberships;
        this.access = access;
        this.members = members;
        this.capacity = capacity;
        this.events = events;
    }

    /** The creator becomes the owner; {@code room.created} and the owner's {@code room.member.added} are published. */
    @Transactional
    public RoomView create(UUID caller, CreateRoomRequest request) {
        capacity.requireRoomFor(caller, caller);
        Instant now = Times.now();
        PostPolicy policy = request.postPolicy() == null ? PostPolicy.EVERYONE : PostPolicy.fromWire(request.postPolicy());
        RoomRow room = new RoomRow(UUID.randomUUID(), Kind.fromWire(request.kind()), RoomTexts.name(request.name()),
                RoomTexts.topic(request.topic()), policy, caller, 0, null, null, now, now);
        rooms.insert(room);
        events.created(room);
        members.add(room, caller, Role.OWNER, RoomEvents.VIA_CREATE, caller);
        return RoomView.of(withCount(room, 1), Role.OWNER, caller);
    }

    @Transactional(readOnly = true)
    public List<RoomView> mine(UUID caller) {
        return memberships.roomsOf(caller).stream().map(r -> RoomView.of(r.room(), r.role(), caller)).toList();
    }

    @Transactional(readOnly = true)
    public RoomView get(UUID caller, UUID roomId) {
        RoomContext ctx = access.read(roomId, caller);
        return RoomView.of(ctx.room(), ctx.role(), caller);
    }

    /** Admins change settings; {@code room.updated} carries all of them (kind and post policy included). */
    @Transactional
    public RoomView update(UUID caller, UUID roomId, UpdateRoomRequest request) {
        RoomContext ctx = access.change(roomId, caller).requireNotDm("have its settings changed")
                .require(Role.ADMIN, "change the room's settings");
        RoomRow before = ctx.room();
        String name = request.name() != null ? RoomTexts.name(request.name()) : before.name();
        String topic = request.topic() != null ? RoomTexts.topic(request.topic()) : before.topic();
        Kind kind = request.kind() != null ? Kind.fromWire(request.kind()) : before.kind();
        PostPolicy policy = request.postPolicy() != null ? PostPolicy.fromWire(request.postPolicy()) : before.postPolicy();
        if (Objects.equals(name, before.name()) && Objects.equals(topic, before.topic()) && kind == before.kind()
                && policy == before.postPolicy()) {
            return RoomView.of(before, ctx.role(), caller); // nothing changed: no write, no event
        }
        Instant now = Times.now();
        rooms.updateSettings(roomId, name, topic, kind, policy, now);
        RoomRow after = new RoomRow(before.id(), kind, name, topic, policy, before.ownerId(), before.memberCount(),
                null, null, before.createdAt(), now);
        events.updated(after, caller);
        return RoomView.of(after, ctx.role(), caller);
    }

    /** Owner only; {@code room.deleted} tells every consumer to forget the room and names its members. */
    @Transactional
    public void delete(UUID caller, UUID roomId) {
        RoomContext ctx = access.change(roomId, caller).requireNotDm("be deleted").require(Role.OWNER, "delete the room");
        members.deleteRoom(ctx.room(), caller);
    }

    private static RoomRow withCount(RoomRow r, int count) {
        return new RoomRow(r.id(), r.kind(), r.name(), r.topic(), r.postPolicy(), r.ownerId(), count, r.dmUserLow(),
                r.dmUserHigh(), r.createdAt(), r.updatedAt());
    }
}
