package dev.dingus.messages.membership.internal;

import dev.dingus.messages.core.MessagesProperties;
import dev.dingus.messages.membership.RoomAccess;
import dev.dingus.platform.web.rooms.RoomMembershipClient;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * Membership answers from memory, then this service's tables, then room-service (for what the events have not
 * brought yet, e.g. a join a few milliseconds old). Answers stay in memory for a short time; every change drops
 * them at once ({@link #invalidateRoom}, {@link #invalidate}), and an answer loaded while a change happened is
 * not kept, so a removed member never stays cached.
 */
@Component
public class MembershipLookup {
    /** Beyond this many cached answers the cache starts afresh (a crude but safe bound on memory). */
    private static final int MAX_ENTRIES = 200_000;

    /** {@code access} for a member; else {@code kind} tells a known room (whose kind decides the error) from none. */
    public record Answer(RoomAccess access, String kind) {}

    private record Entry(Answer answer, long expiresAt) {}

    private final MembershipStore store;
    private final RoomMembershipClient roomService;
    private final long ttlNanos;
    private final long negativeTtlNanos;
    private final Map<UUID, Map<UUID, Entry>> cache = new ConcurrentHashMap<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicLong changes = new AtomicLong();

    MembershipLookup(MembershipStore store, RoomMembershipClient roomService, MessagesProperties props) {
        this.store = store;
        this.roomService = roomService;
        this.ttlNanos = props.membership().cacheTtl().toNanos();
        this.negativeTtlNanos = props.membership().negativeCacheTtl().toNanos();
    }

    public Answer find(UUID roomId, UUID userId) {
        return cached(roomId, userId).orElseGet(() -> load(roomId, userId, System.nanoTime()));
    }

    /** The answer in memory, if there is one that has not expired; never asks the tables or room-service. */
    public Optional<Answer> cached(UUID roomId, UUID userId) {
        Map<UUID, Entry> room = cache.get(roomId);
        Entry cached = room == null ? null : room.get(userId);
        return cached != null && cached.expiresAt - System.nanoTime() > 0 ? Optional.of(cached.answer) : Optional.empty();
    }

    /** As {@link #find}, but never from memory: for checks that must not trust a change they may have missed. */
    public Answer findFresh(UUID roomId, UUID userId) {
        return load(roomId, userId, System.nanoTime());
    }

    private Answer load(UUID roomId, UUID userId, long now) {
        long changesBefore = changes.get();
        Answer answer;
        long ttl;
        Optional<MembershipStore.Local> local = store.find(roomId, userId);
        if (local.isPresent() && local.get().role() != null) {
            MembershipStore.Local l = local.get();
            answer = new Answer(new RoomAccess(roomId, userId, l.kind(), l.postPolicy(), l.role()), l.kind());
            ttl = ttlNanos;
        } else {
            answer = askRoomService(roomId, userId, local.orElse(null));
            ttl = answer.access() != null ? ttlNanos : negativeTtlNanos;
        }
        if (changes.get() == changesBefore) {
            remember(roomId, userId, new Entry(answer, now + ttl));
            if (changes.get() != changesBefore) {
                forget(roomId, userId); // a change raced with this answer: do not keep it
            }
        }
        return answer;
    }

    /** Drops every cached answer about a room (settings changed, room deleted). */
    public void invalidateRoom(UUID roomId) {
        changes.incrementAndGet();
        Map<UUID, Entry> removed = cache.remove(roomId);
        if (removed != null) {
            size.addAndGet(-removed.size());
        }
    }

    /** Drops the cached answer about one member. */
    public void invalidate(UUID roomId, UUID userId) {
        changes.incrementAndGet();
        forget(roomId, userId);
    }

    private void forget(UUID roomId, UUID userId) {
        Map<UUID, Entry> room = cache.get(roomId);
        if (room != null && room.remove(userId) != null) {
            size.decrementAndGet();
        }
    }

    /** Not a member here: room-service may know better (the event is on its way), or agree. */
    private Answer askRoomService(UUID roomId, UUID userId, MembershipStore.Local local) {
        return switch (roomService.membership(roomId, userId)) {
            case RoomMembershipClient.Found(RoomMembershipClient.Membership m) -> m.member() && m.role() != null
                    ? new Answer(new RoomAccess(roomId, userId, m.kind(), m.postPolicy(), m.role()), m.kind())
                    : new Answer(null, m.kind());
            case RoomMembershipClient.RoomMissing missing -> new Answer(null, null);
            // room-service away: what the events told us is the best answer there is.
            case RoomMembershipClient.Unavailable unavailable -> new Answer(null, local == null ? null : local.kind());
        };
    }

    private void remember(UUID roomId, UUID userId, Entry entry) {
        if (size.get() >= MAX_ENTRIES) {
            cache.clear();
            size.set(0);
        }
        if (cache.computeIfAbsent(roomId, r -> new ConcurrentHashMap<>()).put(userId, entry) == null) {
            size.incrementAndGet();
        }
    }
}
