package dev.dingus.rooms.membership.internal;

import dev.dingus.contracts.errors.ErrorCodes;
import dev.dingus.platform.web.errors.ApiException;
import dev.dingus.rooms.core.Capacity;
import dev.dingus.rooms.core.MemberRow;
import dev.dingus.rooms.core.MemberView;
import dev.dingus.rooms.core.Memberships;
import dev.dingus.rooms.core.PageView;
import dev.dingus.rooms.core.Role;
import dev.dingus.rooms.core.RoomAccess;
import dev.dingus.rooms.core.RoomContext;
import dev.dingus.rooms.core.RoomErrors;
import dev.dingus.rooms.core.RoomEvents;
import dev.dingus.rooms.core.RoomMembers;
import dev.dingus.rooms.core.RoomRow;
import dev.dingus.rooms.core.RoomView;
import dev.dingus.rooms.core.Rooms;
import dev.dingus.rooms.core.Times;
import dev.dingus.rooms.users.KnownUsers;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Membership changes. Each runs in one transaction that first locks the room, so counts, the owner and the
 * events stay consistent when requests for the same room race.
 */
@Service
public class MembershipService {
    private final Rooms rooms;
    private final Memberships memberships;
    private final RoomAccess access;
    private final RoomMembers members;
    private final Capacity capacity;
    private final RoomEvents events;
    private final KnownUsers users;
    private final TransactionTemplate tx;

    public MembershipService(Rooms rooms, Memberships memberships, RoomAccess access, RoomMembers members,
            Capacity capacity, RoomEvents events, KnownUsers users, TransactionTemplate tx) {
        this.rooms = rooms;
        this.memberships = memberships;
        this.access = access;
        this.members = members;
        this.capacity = capacity;
        this.events = events;
        this.users = users;
        this.tx = tx;
    }

    /** Joins a public room; joining a room one is already in just answers it. */
    public RoomView join(UUID caller, UUID roomId) {
        return tx.execute(status -> {
            RoomContext ctx = access.change(roomId, caller);
            if (ctx.isMember()) {
                return RoomView.of(ctx.room(), ctx.role(), caller);
            }
            RoomRow room = ctx.room();
            capacity.requireSeat(room);
            capacity.requireRoomFor(caller, caller);
            members.add(room, caller, Role.MEMBER, RoomEvents.VIA_JOIN, caller);
            return RoomView.of(withCount(room, room.memberCount() + 1), Role.MEMBER, caller);
        });
    }

    /** Leaves a room; an owner hands over first, and the last member out deletes the room. */
    public void leave(UUID caller, UUID roomId) {
        tx.executeWithoutResult(status -> {
            RoomContext ctx = access.change(roomId, caller);
            if (!ctx.isMember()) {
                throw RoomErrors.notAMember("You are not a member of this room.");
            }
            ctx.requireNotDm("be left");
            RoomRow room = ctx.room();
            memberships.delete(room.id(), caller);
            rooms.adjustMemberCount(room.id(), -1);
            events.memberRemoved(room, caller, RoomEvents.REASON_LEAVE, caller);
            if (room.memberCount() <= 1) {
                members.deleteRoom(room, caller);
                return;
            }
            if (ctx.role() == Role.OWNER) {
                MemberRow successor = memberships.successorOf(room.id(), caller)
                        .orElseThrow(() -> new IllegalStateException("room " + room.id() + " has members but no successor"));
                memberships.setRole(room.id(), successor.userId(), Role.OWNER);
                rooms.setOwner(room.id(), successor.userId(), Times.now());
                events.roleChanged(room, successor.userId(), Role.OWNER, caller);
            }
        });
    }

    public PageView<MemberView> members(UUID caller, UUID roomId, int page, int size) {
        return tx.execute(status -> {
            RoomRow room = access.read(roomId, caller).room();
            List<MemberView> items = memberships.page(roomId, page * size, size).stream().map(MemberView::of).toList();
            return new PageView<>(items, page, size, room.memberCount());
        });
    }

    /** Admins add an existing user; the invitee's existence is checked only once the caller may invite. */
    public MemberView invite(UUID caller, UUID roomId, UUID invitee) {
        access.read(roomId, caller).requireNotDm("get more members").require(Role.ADMIN, "invite");
        users.requireExists(invitee); // may ask auth-service: before any lock is held
        return tx.execute(status -> {
            RoomContext ctx = access.change(roomId, caller).requireNotDm("get more members").require(Role.ADMIN, "invite");
            if (memberships.find(roomId, invitee).isPresent()) {
                throw ApiException.conflict(ErrorCodes.ALREADY_MEMBER, "That user is already a member.");
            }
            capacity.requireSeat(ctx.room());
            capacity.requireRoomFor(caller, invitee);
            return MemberView.of(members.add(ctx.room(), invitee, Role.MEMBER, RoomEvents.VIA_INVITE, caller));
        });
    }

    /** Admins remove members, the owner also admins; nobody removes the owner. */
    public void remove(UUID caller, UUID roomId, UUID target) {
        tx.executeWithoutResult(status -> {
            RoomContext ctx = access.change(roomId, caller).requireNotDm("lose members").require(Role.ADMIN, "remove members");
            if (target.equals(caller)) {
                throw ApiException.conflict(ErrorCodes.CONFLICT, "To leave a room, use leave.");
            }
            MemberRow member = memberships.find(roomId, target)
                    .orElseThrow(() -> RoomErrors.notAMember("That user is not a member of this room."));
            if (member.role() == Role.OWNER) {
                throw ApiException.forbidden("The owner cannot be removed.");
            }
            if (!ctx.role().outranks(member.role())) {
                throw ApiException.forbidden("Only the owner may remove admins.");
            }
            memberships.delete(roomId, target);
            rooms.adjustMemberCount(roomId, -1);
            events.memberRemoved(ctx.room(), target, RoomEvents.REASON_REMOVE, caller);
        });
    }

    /** The owner sets roles; giving someone {@code owner} hands the ownership over (the old owner becomes admin). */
    public MemberView changeRole(UUID caller, UUID roomId, UUID target, Role role) {
        return tx.execute(status -> {
            RoomContext ctx = access.change(roomId, caller).requireNotDm("have roles").require(Role.OWNER, "change roles");
            MemberRow member = memberships.find(roomId, target)
                    .orElseThrow(() -> RoomErrors.notAMember("That user is not a member of this room."));
            if (member.role() == role) {
                return MemberView.of(member);
            }
            if (target.equals(caller)) {
                throw ApiException.conflict(ErrorCodes.CONFLICT,
                        "A room needs its owner: hand the ownership to another member instead.");
            }
            RoomRow room = ctx.room();
            if (role == Role.OWNER) {
                memberships.setRole(roomId, caller, Role.ADMIN); // first: one owner at a time
                memberships.setRole(roomId, target, Role.OWNER);
                rooms.setOwner(roomId, target, Times.now());
                events.roleChanged(room, caller, Role.ADMIN, caller);
                events.roleChanged(room, target, Role.OWNER, caller);
            } else {
                memberships.setRole(roomId, target, role);
                events.roleChanged(room, target, role, caller);
            }
            return MemberView.of(new MemberRow(roomId, target, role, member.joinedAt()));
        });
    }

    private static RoomRow withCount(RoomRow r, int count) {
        return new RoomRow(r.id(), r.kind(), r.name(), r.topic(), r.postPolicy(), r.ownerId(), count, r.dmUserLow(),
                r.dmUserHigh(), r.createdAt(), r.updatedAt());
    }
}
