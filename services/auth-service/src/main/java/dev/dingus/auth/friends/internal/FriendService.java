package dev.dingus.auth.friends.internal;

import dev.dingus.auth.accounts.UserView;
import dev.dingus.auth.accounts.Users;
import dev.dingus.auth.friends.internal.FriendViews.Friend;
import dev.dingus.auth.friends.internal.FriendViews.FriendList;
import dev.dingus.contracts.errors.ErrorCodes;
import dev.dingus.contracts.events.EventTypes;
import dev.dingus.contracts.events.FriendAccepted;
import dev.dingus.contracts.events.FriendRemoved;
import dev.dingus.contracts.events.FriendRequested;
import dev.dingus.platform.events.outbox.Outbox;
import dev.dingus.platform.web.errors.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class FriendService {
    private final FriendshipRepository friendships;
    private final Users users;
    private final Outbox outbox;
    private final FriendLimits limits;
    private final Clock clock = Clock.systemUTC();

    FriendService(FriendshipRepository friendships, Users users, Outbox outbox, FriendLimits limits) {
        this.friendships = friendships;
        this.users = users;
        this.outbox = outbox;
        this.limits = limits;
    }

    /** What a request led to, and whether it changed anything (a repeated request changes nothing). */
    record RequestOutcome(Friendship friendship, UserView other, boolean changed) {}

    /**
     * Asks {@code other} to be {@code me}'s friend. If {@code other} had asked {@code me} already, this is an
     * acceptance. Asking again, or asking a friend, changes nothing.
     */
    @Transactional
    RequestOutcome request(UUID me, String myUsername, UUID other) {
        if (me.equals(other)) {
            throw FriendErrors.self();
        }
        UserView otherUser = users.byId(other).orElseThrow(() -> ApiException.notFound(ErrorCodes.USER_NOT_FOUND,
                "No user with this id."));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        friendships.lockUsers(me, other);
        Optional<Friendship> existing = friendships.findPairForUpdate(me, other);
        if (existing.isEmpty()) {
            requireRoomForRequest(me, other, now);
            if (friendships.insertRequest(me, other, now)) {
                outbox.publish(EventTypes.FRIEND_REQUESTED, new FriendRequested(me, myUsername, other));
                return new RequestOutcome(new Friendship(me, other, Friendship.Status.PENDING, now, null), otherUser, true);
            }
            // The other asked at the same moment; their row is committed now.
            existing = friendships.findPairForUpdate(me, other);
        }
        Friendship found = existing.orElseThrow(() -> new IllegalStateException("friendship row vanished during a request"));
        if (found.status() == Friendship.Status.PENDING && found.requester().equals(other)) {
            friendships.accept(other, me, now);
            outbox.publish(EventTypes.FRIEND_ACCEPTED, new FriendAccepted(other, me, myUsername));
            return new RequestOutcome(new Friendship(other, me, Friendship.Status.ACCEPTED, found.requestedAt(), now),
                    otherUser, true);
        }
        return new RequestOutcome(found, otherUser, false);
    }

    /** A new request: within both users' bounds, and not right after the other declined one of mine. */
    private void requireRoomForRequest(UUID me, UUID other, Instant now) {
        if (friendships.declinedSince(me, other, now.minus(limits.declineCooldown()))) {
            throw FriendErrors.declinedRecently(limits.declineCooldown());
        }
        if (friendships.countOutgoingPending(me) >= limits.maxOutgoingRequests()) {
            throw FriendErrors.tooManyRequests(limits.maxOutgoingRequests());
        }
        if (friendships.countRelations(me) >= limits.maxRelations()) {
            throw FriendErrors.tooManyFriends(limits.maxRelations());
        }
        if (friendships.countRelations(other) >= limits.maxRelations()) {
            throw FriendErrors.otherHasTooManyFriends(limits.maxRelations());
        }
    }

    @Transactional
    void accept(UUID me, String myUsername, UUID requester) {
        if (!friendships.accept(requester, me, clock.instant())) {
            throw FriendErrors.noRequest();
        }
        outbox.publish(EventTypes.FRIEND_ACCEPTED, new FriendAccepted(requester, me, myUsername));
    }

    /** Turns down a request quietly: no event, the requester is not told. */
    @Transactional
    void decline(UUID me, UUID requester) {
        if (!friendships.deletePending(requester, me)) {
            throw FriendErrors.noRequest();
        }
        Instant now = clock.instant();
        friendships.recordDecline(requester, me, now, now.minus(limits.declineCooldown()));
    }

    /** Ends a friendship ({@code friend.removed}) or withdraws my own pending request. */
    @Transactional
    void remove(UUID me, UUID other) {
        Friendship.Status removed = friendships.deleteFriendshipOrOwnRequest(me, other).orElseThrow(FriendErrors::noFriend);
        if (removed == Friendship.Status.ACCEPTED) {
            outbox.publish(EventTypes.FRIEND_REMOVED, new FriendRemoved(me, other));
        }
    }

    FriendList list(UUID me) {
        List<Friendship> all = friendships.allOf(me);
        Map<UUID, UserView> people = users.byIds(all.stream().map(f -> f.other(me)).distinct().toList()).stream()
                .collect(Collectors.toMap(UserView::id, Function.identity()));
        List<Friend> friends = new ArrayList<>();
        List<Friend> incoming = new ArrayList<>();
        List<Friend> outgoing = new ArrayList<>();
        for (Friendship f : all) {
            UserView user = people.get(f.other(me));
            if (user == null) {
                continue;
            }
            Friend friend = new Friend(user, f.since());
            if (f.status() == Friendship.Status.ACCEPTED) {
                friends.add(friend);
            } else if (f.requester().equals(me)) {
                outgoing.add(friend);
            } else {
                incoming.add(friend);
            }
        }
        return new FriendList(friends, incoming, outgoing);
    }
}
