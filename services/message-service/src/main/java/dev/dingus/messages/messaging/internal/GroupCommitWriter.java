package dev.dingus.messages.messaging.internal;

import dev.dingus.contracts.events.EventTypes;
import dev.dingus.contracts.events.MessageCreated;
import dev.dingus.messages.core.Fanout;
import dev.dingus.messages.core.MessageErrors;
import dev.dingus.messages.core.MessageView;
import dev.dingus.messages.core.MessagesProperties;
import dev.dingus.messages.core.Times;
import dev.dingus.messages.messaging.internal.MessageStore.NewRow;
import dev.dingus.messages.ratelimit.SendRateLimited;
import dev.dingus.messages.ratelimit.SendRateLimiter;
import dev.dingus.platform.events.outbox.Outbox;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.util.RawValue;

/**
 * Group commit: sends are queued, and each writer thread stores whatever arrived meanwhile (up to
 * {@code maxBatch}, waiting at most {@code linger} for more) in one transaction — messages with their seqs, then
 * outbox events, then the commit: three round trips for the whole batch, after one Redis round trip for the send
 * rate of all its senders. Every send is answered only after that commit. A room always goes to the same writer,
 * so its messages keep their order.
 *
 * <p>Resends are rare, so the first attempt does not look them up: the unique (sender, clientMsgId) key refuses a
 * resend of a stored message, the transaction rolls back whole (seqs included, so none goes missing), and the batch
 * is tried again with the lookup, which answers the resend with the original.
 */
@Component
public class GroupCommitWriter implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(GroupCommitWriter.class);
    private static final int ATTEMPTS = 3;
    /**
     * Deadlock, serialization failure, unique violation (a resend of a stored message, which the next attempt looks
     * up, or one racing on another node): try the batch again.
     */
    private static final Set<String> RETRYABLE = Set.of("40P01", "40001", "23505");

    /** One send waiting to be stored. */
    public record Request(NewRow row, String roomKind, CompletableFuture<Written> result) {}

    /**
     * A stored send: the message, whether it was a resend of one stored before, and for a new one its JSON, encoded
     * once after the commit for the cache, the broadcast and the ack alike.
     */
    public record Written(MessageView message, boolean duplicate, List<String> mentions, RawValue json) {
        Written(MessageView message, boolean duplicate, List<String> mentions) {
            this(message, duplicate, mentions, null);
        }

        Written encoded(JsonMapper mapper) {
            return new Written(message, duplicate, mentions, new RawValue(mapper.writeValueAsString(message)));
        }
    }

    private final MessageStore store;
    private final Outbox outbox;
    private final TransactionTemplate tx;
    private final MessageEffects effects;
    private final Fanout fanout;
    private final JsonMapper json;
    private final SendRateLimiter rateLimiter;
    private final int maxBatch;
    private final long lingerNanos;
    private final List<BlockingQueue<Request>> queues = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final DistributionSummary batchSizes;
    private final Timer commits;
    private volatile boolean running;

    GroupCommitWriter(MessageStore store, Outbox outbox, TransactionTemplate tx, MessageEffects effects, Fanout fanout,
            JsonMapper json, SendRateLimiter rateLimiter, MessagesProperties props, MeterRegistry meters) {
        this.store = store;
        this.outbox = outbox;
        this.tx = tx;
        this.effects = effects;
        this.fanout = fanout;
        this.json = json;
        this.rateLimiter = rateLimiter;
        MessagesProperties.Writer w = props.writer();
        this.maxBatch = w.maxBatch();
        this.lingerNanos = w.linger().toNanos();
        for (int i = 0; i < w.threads(); i++) {
            queues.add(new ArrayBlockingQueue<>(w.queueCapacity()));
        }
        // What the benchmark reads next to its latencies: how batches grow with load, and what a commit costs.
        this.batchSizes = DistributionSummary.builder("dingus.messages.writer.batch.size")
                .description("Sends stored per transaction").register(meters);
        this.commits = Timer.builder("dingus.messages.writer.commit").description("One batch transaction")
                .publishPercentiles(0.5, 0.99).register(meters);
        Gauge.builder("dingus.messages.writer.queued", queues, qs -> qs.stream().mapToInt(BlockingQueue::size).sum())
                .description("Sends waiting for a writer").register(meters);
    }

    /** Queues a send; the future completes after the commit (or fails with an {@code ApiException}). */
    public CompletableFuture<Written> submit(NewRow row, String roomKind) {
        CompletableFuture<Written> result = new CompletableFuture<>();
        BlockingQueue<Request> queue = queues.get(Math.floorMod(row.roomId().hashCode(), queues.size()));
        if (!running || !queue.offer(new Request(row, roomKind, result))) {
            result.completeExceptionally(MessageErrors.busy());
        }
        return result;
    }

    @Override
    public void start() {
        running = true;
        for (int i = 0; i < queues.size(); i++) {
            BlockingQueue<Request> queue = queues.get(i);
            threads.add(Thread.ofPlatform().name("message-writer-" + i).daemon().start(() -> loop(queue)));
        }
    }

    /** Stops taking sends and stores what is queued before the database goes away. */
    @Override
    public void stop() {
        running = false;
        for (Thread t : threads) {
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops after the HTTP server and the Socket.IO server stopped taking requests. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 4096;
    }

    private void loop(BlockingQueue<Request> queue) {
        List<Request> batch = new ArrayList<>(maxBatch);
        while (running || !queue.isEmpty()) {
            try {
                Request first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                if (lingerNanos > 0) {
                    long deadline = System.nanoTime() + lingerNanos;
                    while (batch.size() < maxBatch) {
                        long left = deadline - System.nanoTime();
                        Request more = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : null;
                        if (more == null) {
                            break;
                        }
                        batch.add(more);
                        queue.drainTo(batch, maxBatch - batch.size());
                    }
                }
                write(admitted(batch));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("Message writer failed on a batch of {}", batch.size(), e);
                batch.forEach(r -> r.result().completeExceptionally(MessageErrors.storageUnavailable()));
            } finally {
                batch.clear();
            }
        }
    }

    /**
     * The per-user send rate, checked for the whole batch in one Redis round trip (not one per send); sends over
     * the limit are answered {@code rate_limited} at once and not stored.
     */
    private List<Request> admitted(List<Request> batch) {
        long[] waits = rateLimiter.acquireAll(batch.stream().map(r -> r.row().senderId()).toList());
        List<Request> admitted = new ArrayList<>(batch.size());
        for (int i = 0; i < waits.length; i++) {
            if (waits[i] > 0) {
                batch.get(i).result().completeExceptionally(new SendRateLimited(waits[i]));
            } else {
                admitted.add(batch.get(i));
            }
        }
        return admitted;
    }

    private void write(List<Request> batch) {
        if (batch.isEmpty()) {
            return;
        }
        List<Written> written = null;
        long startedAt = System.nanoTime();
        for (int attempt = 1; written == null; attempt++) {
            boolean lookUpResends = attempt > 1;
            try {
                written = tx.execute(status -> writeInTransaction(batch, lookUpResends));
            } catch (RuntimeException e) {
                if (attempt < ATTEMPTS && retryable(e)) {
                    log.debug("Retrying a batch of {} messages after {}", batch.size(), sqlState(e));
                    continue;
                }
                if (batch.size() > 1 && dataException(e)) {
                    // One send the database refuses must not fail the others stored with it: each on its own.
                    log.warn("A batch of {} messages was refused (SQL state {}); storing them one by one", batch.size(), sqlState(e));
                    batch.forEach(r -> write(List.of(r)));
                    return;
                }
                log.error("Could not store a batch of {} messages (SQL state {}): {}", batch.size(), sqlState(e), e.toString());
                batch.forEach(r -> r.result().completeExceptionally(MessageErrors.storageUnavailable()));
                return;
            }
        }
        commits.record(System.nanoTime() - startedAt, TimeUnit.NANOSECONDS);
        batchSizes.record(batch.size());
        List<Written> answers = written.stream().map(w -> w.duplicate() ? w : w.encoded(json)).toList();
        List<Written> fresh = answers.stream().filter(w -> !w.duplicate()).toList();
        // The batch's broadcasts and its senders' acks leave together: one hand-off per event loop, not one each.
        fanout.together(() -> {
            try {
                effects.created(fresh);
            } catch (RuntimeException e) {
                log.error("Delivering {} stored messages failed", fresh.size(), e);
            }
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).result().complete(answers.get(i));
            }
        });
    }

    /**
     * One transaction for the whole batch; answers in the order of the batch. Without {@code lookUpResends}, a resend
     * of a stored message fails the insert on the unique key (and the caller tries again with it).
     */
    private List<Written> writeInTransaction(List<Request> batch, boolean lookUpResends) {
        Map<String, MessageView> stored = lookUpResends ? storedResends(batch) : Map.of();

        // Which requests are new; a resend inside the same batch points at the first of its kind.
        Written[] answers = new Written[batch.size()];
        int[] sameAs = new int[batch.size()];
        Map<String, Integer> firstOfKey = new HashMap<>();
        List<Integer> fresh = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            NewRow row = batch.get(i).row();
            sameAs[i] = -1;
            String key = row.clientMsgId() == null ? null : MessageStore.clientKey(row.senderId(), row.clientMsgId());
            if (key != null && stored.containsKey(key)) {
                answers[i] = new Written(stored.get(key), true, List.of());
            } else if (key != null && firstOfKey.containsKey(key)) {
                sameAs[i] = firstOfKey.get(key);
            } else {
                if (key != null) {
                    firstOfKey.put(key, i);
                }
                fresh.add(i);
            }
        }

        if (!fresh.isEmpty()) {
            Instant now = Times.now();
            String createdAt = Times.format(now);
            Map<UUID, Long> seqs = store.insertAll(fresh.stream().map(i -> batch.get(i).row()).toList(), now);
            List<MessageCreated> events = new ArrayList<>(fresh.size());
            for (int i : fresh) {
                Request r = batch.get(i);
                NewRow row = r.row();
                long seq = seqs.get(row.id());
                MessageView view = new MessageView(row.id(), row.roomId(), seq, row.senderId(), row.senderUsername(),
                        row.content(), row.clientMsgId(), createdAt, null, false);
                List<String> mentions = ContentRules.mentions(row.content());
                answers[i] = new Written(view, false, mentions);
                events.add(new MessageCreated(row.id(), row.roomId(), r.roomKind(), seq, row.senderId(),
                        row.senderUsername(), row.content(), mentions, now));
            }
            outbox.publishAll(EventTypes.MESSAGE_CREATED, events);
        }
        List<Written> result = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            result.add(sameAs[i] >= 0 ? new Written(answers[sameAs[i]].message(), true, List.of()) : answers[i]);
        }
        return result;
    }

    /** Messages already stored under the batch's (sender, clientMsgId) keys. */
    private Map<String, MessageView> storedResends(List<Request> batch) {
        List<UUID> senders = new ArrayList<>();
        List<String> clientIds = new ArrayList<>();
        for (Request r : batch) {
            if (r.row().clientMsgId() != null) {
                senders.add(r.row().senderId());
                clientIds.add(r.row().clientMsgId());
            }
        }
        return store.findByClientIds(senders, clientIds);
    }

    private static boolean retryable(Throwable e) {
        String state = sqlState(e);
        return state != null && RETRYABLE.contains(state);
    }

    /** SQL state class 22: a value the database refuses (e.g. a NUL character in text), a fault of that row alone. */
    private static boolean dataException(Throwable e) {
        String state = sqlState(e);
        return state != null && state.startsWith("22");
    }

    private static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }
}
