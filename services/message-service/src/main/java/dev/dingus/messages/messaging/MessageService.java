package dev.dingus.messages.messaging;

import dev.dingus.contracts.events.EventTypes;
import dev.dingus.contracts.events.MessageDeleted;
import dev.dingus.contracts.events.MessageEdited;
import dev.dingus.messages.core.MessageErrors;
import dev.dingus.messages.core.MessageView;
import dev.dingus.messages.core.MessagesProperties;
import dev.dingus.messages.core.Times;
import dev.dingus.messages.membership.MembershipService;
import dev.dingus.messages.membership.RoomAccess;
import dev.dingus.messages.messaging.internal.ContentRules;
import dev.dingus.messages.messaging.internal.GroupCommitWriter;
import dev.dingus.messages.messaging.internal.LatestPageCache;
import dev.dingus.messages.messaging.internal.MessageEffects;
import dev.dingus.messages.messaging.internal.MessageStore;
import dev.dingus.messages.ratelimit.SendRateLimiter;
import dev.dingus.platform.events.TimeOrderedIds;
import dev.dingus.platform.events.outbox.Outbox;
import dev.dingus.platform.web.errors.ApiException;
import dev.dingus.platform.web.security.AuthenticatedUser;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sending, editing, deleting and reading messages, for HTTP and Socket.IO alike (same rules, same codes).
 * A send is validated and authorized before it is queued; the writer applies the send rate to its batch; the
 * answer comes only after the commit. Edits and deletes take from the same rate, one at a time.
 */
@Service
public class MessageService {
    private final MembershipService membership;
    private final GroupCommitWriter writer;
    private final MessageStore store;
    private final LatestPageCache cache;
    private final Outbox outbox;
    private final TransactionTemplate tx;
    private final MessageEffects effects;
    private final MessagesProperties.Limits limits;
    private final HistoryJson historyJson;
    private final SendRateLimiter rateLimiter;

    MessageService(MembershipService membership, GroupCommitWriter writer, MessageStore store,
            LatestPageCache cache, Outbox outbox, TransactionTemplate tx, MessageEffects effects,
            MessagesProperties props, HistoryJson historyJson, SendRateLimiter rateLimiter) {
        this.membership = membership;
        this.writer = writer;
        this.store = store;
        this.cache = cache;
        this.outbox = outbox;
        this.tx = tx;
        this.effects = effects;
        this.limits = props.limits();
        this.historyJson = historyJson;
        this.rateLimiter = rateLimiter;
    }

    /**
     * Validates and authorizes a send (throwing {@link ApiException} at once), then queues it; the future completes
     * after the commit, or fails with an {@link ApiException} ({@code rate_limited} among them).
     */
    public CompletableFuture<SendResult> send(AuthenticatedUser sender, UUID roomId, String content, String clientMsgId) {
        String text = ContentRules.normalize(content, limits.maxContentLength());
        String clientId = ContentRules.clientMsgId(clientMsgId, limits.maxClientMsgIdLength());
        return submit(sender, roomId, text, clientId, membership.requirePoster(roomId, sender.id()));
    }

    /**
     * As {@link #send}, without blocking: empty (nothing done) when the sender's membership is not in memory and
     * would have to be looked up.
     */
    public Optional<CompletableFuture<SendResult>> sendWithoutBlocking(AuthenticatedUser sender, UUID roomId,
            String content, String clientMsgId) {
        String text = ContentRules.normalize(content, limits.maxContentLength());
        String clientId = ContentRules.clientMsgId(clientMsgId, limits.maxClientMsgIdLength());
        return membership.requirePosterFromMemory(roomId, sender.id())
                .map(access -> submit(sender, roomId, text, clientId, access));
    }

    private CompletableFuture<SendResult> submit(AuthenticatedUser sender, UUID roomId, String text, String clientId,
            RoomAccess access) {
        MessageStore.NewRow row = new MessageStore.NewRow(TimeOrderedIds.next(), roomId, sender.id(), sender.username(), text, clientId);
        return writer.submit(row, access.kind()).thenApply(w -> new SendResult(w.message(), w.duplicate(), w.json()));
    }

    /** Only the sender edits, and only while the message exists; edits count against the send rate. */
    public MessageView edit(AuthenticatedUser user, UUID messageId, String content) {
        String text = ContentRules.normalize(content, limits.maxContentLength());
        rateLimiter.acquire(user.id());
        MessageView before = visibleMessage(user, messageId);
        if (!before.senderId().equals(user.id())) {
            throw MessageErrors.notTheSender();
        }
        MessageView edited = tx.execute(status -> {
            MessageStore.Row row = store.findForUpdate(messageId).orElseThrow(MessageErrors::messageNotFound);
            if (row.view().deleted()) {
                throw MessageErrors.messageDeleted();
            }
            Instant now = Times.now();
            MessageView updated = store.updateContent(messageId, text, now);
            outbox.publish(EventTypes.MESSAGE_EDITED, new MessageEdited(messageId, updated.roomId(), updated.seq(),
                    updated.senderId(), now));
            return updated;
        });
        effects.edited(edited);
        return edited;
    }

    /**
     * The sender, or the room's owner and admins, delete; deleting twice is fine (the tombstone stays). Deletes count
     * against the send rate.
     */
    public MessageView delete(AuthenticatedUser user, UUID messageId) {
        rateLimiter.acquire(user.id());
        MessageView before = visibleMessage(user, messageId);
        RoomAccess access = membership.requireMember(before.roomId(), user.id());
        if (!before.senderId().equals(user.id()) && !access.isAdmin()) {
            throw MessageErrors.mayNotDelete();
        }
        if (before.deleted()) {
            return before;
        }
        MessageView[] result = new MessageView[1];
        boolean changed = Boolean.TRUE.equals(tx.execute(status -> {
            MessageStore.Row row = store.findForUpdate(messageId).orElseThrow(MessageErrors::messageNotFound);
            if (row.view().deleted()) {
                result[0] = row.view();
                return false;
            }
            result[0] = store.markDeleted(messageId, user.id(), Times.now());
            outbox.publish(EventTypes.MESSAGE_DELETED, new MessageDeleted(messageId, row.view().roomId(), row.view().seq(), user.id()));
            return true;
        }));
        if (changed) {
            effects.deleted(result[0], user.id());
        }
        return result[0];
    }

    /**
     * A page of history as the JSON of a {@link HistoryPage}: the latest (from the cache when it holds it, its
     * entries written through as stored), the one before {@code beforeSeq}, or the one after {@code afterSeq}
     * (bounded by {@code beforeSeq} when both are given).
     */
    public byte[] historyJson(UUID userId, UUID roomId, Long beforeSeq, Long afterSeq, Integer limit) {
        int size = pageSize(limit);
        if (beforeSeq != null && beforeSeq < 1) {
            throw ApiException.validation("beforeSeq must be at least 1.");
        }
        if (afterSeq != null && afterSeq < 0) {
            throw ApiException.validation("afterSeq must not be negative.");
        }
        membership.requireMember(roomId, userId);
        if (afterSeq != null) {
            List<MessageView> page = store.after(roomId, afterSeq, beforeSeq, size + 1);
            return historyJson.of(new HistoryPage(page.subList(0, Math.min(size, page.size())), page.size() > size));
        }
        if (beforeSeq != null) {
            List<MessageView> page = store.before(roomId, beforeSeq, size + 1);
            return historyJson.of(new HistoryPage(page.subList(Math.max(0, page.size() - size), page.size()), page.size() > size));
        }
        Optional<LatestPageCache.JsonPage> cached = cache.readJson(roomId, size);
        return cached.isPresent() ? historyJson.of(cached.get()) : historyJson.of(latestFromDatabase(roomId, size));
    }

    /** The latest page of a room the caller was already checked for; Redis first, PostgreSQL on a miss. */
    public HistoryPage latest(UUID roomId, int size) {
        Optional<LatestPageCache.Page> cached = cache.read(roomId, size);
        if (cached.isPresent()) {
            return new HistoryPage(cached.get().messages(), cached.get().hasMore());
        }
        return latestFromDatabase(roomId, size);
    }

    /** A cache miss: PostgreSQL answers, and fills the cache. */
    private HistoryPage latestFromDatabase(UUID roomId, int size) {
        String version = cache.versionForFill(roomId);
        List<MessageView> newest = store.latest(roomId, Math.max(size, cache.pageSize()));
        long top = newest.isEmpty() ? 0 : newest.getLast().seq();
        cache.fill(roomId, version, newest, top);
        List<MessageView> page = newest.subList(Math.max(0, newest.size() - size), newest.size());
        return new HistoryPage(page, !page.isEmpty() && page.getFirst().seq() > 1);
    }

    /** Messages after {@code afterSeq} (at most {@code limit}) for a resuming client already checked for membership. */
    public HistoryPage since(UUID roomId, long afterSeq, int limit) {
        List<MessageView> page = store.after(roomId, afterSeq, null, limit + 1);
        return new HistoryPage(page.subList(0, Math.min(limit, page.size())), page.size() > limit);
    }

    /** The newest message (a tombstone counts) of each of these rooms that has one. */
    public java.util.Map<UUID, MessageView> lastMessages(java.util.Collection<UUID> roomIds) {
        return store.lastMessages(roomIds);
    }

    /** The room's last seq (0 when empty). */
    public long lastSeq(UUID roomId) {
        return store.lastSeq(roomId);
    }

    /** The message, when the caller is a member of its room; otherwise it does not exist for them. */
    private MessageView visibleMessage(AuthenticatedUser user, UUID messageId) {
        MessageView message = store.find(messageId).map(MessageStore.Row::view).orElseThrow(MessageErrors::messageNotFound);
        if (!membership.isMember(message.roomId(), user.id())) {
            throw MessageErrors.messageNotFound();
        }
        return message;
    }

    private int pageSize(Integer limit) {
        if (limit == null) {
            return limits.defaultPageSize();
        }
        if (limit < 1 || limit > limits.maxPageSize()) {
            throw ApiException.validation("limit must be between 1 and " + limits.maxPageSize() + ".");
        }
        return limit;
    }
}
