package dev.dingus.messages.membership.internal;

import dev.dingus.messages.core.MessagesProperties;
import dev.dingus.messages.membership.RoomDeletion;
import dev.dingus.platform.events.worker.WakeableLoop;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes a deleted room's rows in the background, at most {@code batchSize} per transaction, so that
 * {@code room.deleted} itself stays one small transaction however big the room was (ADR 0013).
 *
 * <p>Works from {@code room_purges}, so a restart resumes where the last run stopped. Several nodes may run it at
 * once: each batch first locks the room's record with SKIP LOCKED, so a room is worked by one node at a time while
 * the others take other rooms, and every batch deletes only rows that are still there, so a batch repeated after a
 * crash, or by another node, deletes nothing twice. A record goes only when a batch found nothing left and the
 * settle time since {@code room.deleted} is over: a send let in just before the deletion may still be stored
 * meanwhile, and a later pass deletes it.
 */
@Component
class RoomPurger extends WakeableLoop {
    private static final Logger log = LoggerFactory.getLogger(RoomPurger.class);
    /** Rooms taken per pass; more wait for the next one. */
    private static final int PASS_SIZE = 1000;

    private enum Step { MORE, SETTLING, DONE, SKIPPED }

    private final RoomPurges purges;
    private final ObjectProvider<RoomDeletion> features;
    private final TransactionTemplate tx;
    private final int batchSize;
    private final Duration pollInterval;
    private final Duration settle;
    private final Counter batches;
    private final Counter rows;

    RoomPurger(RoomPurges purges, ObjectProvider<RoomDeletion> features, TransactionTemplate tx,
            MessagesProperties props, MeterRegistry meters) {
        super("room-purger", Duration.ofSeconds(10));
        this.purges = purges;
        this.features = features;
        this.tx = tx;
        this.batchSize = props.purge().batchSize();
        this.pollInterval = props.purge().pollInterval();
        this.settle = props.purge().settle();
        this.batches = Counter.builder("dingus.messages.purge.batches")
                .description("Transactions that deleted rows of deleted rooms").register(meters);
        this.rows = Counter.builder("dingus.messages.purge.rows").description("Rows of deleted rooms deleted").register(meters);
    }

    /** Inside the {@code room.deleted} transaction: records the purge, and starts on it once that commits. */
    void schedule(UUID roomId) {
        purges.add(roomId);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wakeUp();
                }
            });
        } else {
            wakeUp();
        }
    }

    @Override
    public void start() {
        wakeUp(); // what a previous run left unfinished
        super.start();
    }

    @Override
    protected void run() {
        while (isRunning()) {
            try {
                awaitWakeUp(pollInterval);
                forgetWakeUps();
                purgePending();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("Could not look for rooms to purge, trying again in {}: {}", pollInterval, e.toString());
            }
        }
    }

    /** One pass: each pending room this node can lock is worked down until nothing of it is left. */
    private void purgePending() {
        for (UUID roomId : purges.pending(PASS_SIZE)) {
            if (!isRunning()) {
                return;
            }
            try {
                Step step;
                do {
                    step = tx.execute(status -> step(roomId));
                } while (isRunning() && step == Step.MORE);
            } catch (RuntimeException e) {
                // One room failing must not hold up the others; it is tried again on the next pass.
                log.warn("Could not purge room {}, trying again in {}: {}", roomId, pollInterval, e.toString());
            }
        }
    }

    /** One transaction: one batch of the first feature that still has rows of the room, or the end of the purge. */
    private Step step(UUID roomId) {
        purges.commitWithoutWaitingForDisk();
        Optional<RoomPurges.Locked> record = purges.lock(roomId, settle);
        if (record.isEmpty()) {
            return Step.SKIPPED;
        }
        for (RoomDeletion feature : features.orderedStream().toList()) {
            int deleted = feature.purgeBatch(roomId, batchSize);
            if (deleted > 0) {
                purges.progress(roomId, deleted);
                batches.increment();
                rows.increment(deleted);
                return Step.MORE;
            }
        }
        if (!record.get().settled()) {
            return Step.SETTLING;
        }
        long total = purges.remove(roomId);
        log.info("Purged deleted room {}: {} rows", roomId, total);
        return Step.DONE;
    }
}
