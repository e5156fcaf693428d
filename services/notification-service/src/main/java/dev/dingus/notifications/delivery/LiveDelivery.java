package dev.dingus.notifications.delivery;

import dev.dingus.contracts.realtime.SocketEvents;
import dev.dingus.socketio.redis.RedisEmitter;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Emits {@code notification} to every socket of each recipient, only once the notification is committed (a
 * rolled-back or retried event never shows a notification that the list would not have). Fire and forget:
 * a user who misses it (offline, Redis away) finds it in the list.
 */
@Component
public class LiveDelivery {
    private static final Logger log = LoggerFactory.getLogger(LiveDelivery.class);

    private final RedisEmitter emitter;

    LiveDelivery(RedisEmitter emitter) {
        this.emitter = emitter;
    }

    public void afterCommit(List<Delivered> stored) {
        if (stored.isEmpty()) {
            return;
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            emit(stored);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                emit(stored);
            }
        });
    }

    private void emit(List<Delivered> stored) {
        for (Delivered d : stored) {
            try {
                emitter.to(SocketEvents.userTarget(d.recipientId())).emit(SocketEvents.NOTIFICATION, d.notification())
                        .whenComplete((nodes, failure) -> {
                            if (failure != null) {
                                log.warn("notification {} not delivered live: {}", d.notification().id(), failure.toString());
                            }
                        });
            } catch (RuntimeException e) {
                log.warn("notification {} not delivered live: {}", d.notification().id(), e.toString());
            }
        }
    }
}
