package dev.dingus.presence.status;

import dev.dingus.presence.core.ChosenStatus;
import dev.dingus.presence.core.PresenceProperties;
import dev.dingus.presence.core.PresenceRules;
import dev.dingus.presence.core.Status;
import dev.dingus.presence.delivery.PresenceBroadcaster;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Decides a user's visible status from Redis and, when it differs from what others were last told, records
 * the new one (compare-and-set: of several instances or threads deciding at once, exactly one announces each
 * change) and announces it. Everything that may change presence ends here.
 */
@Component
public class PresenceEvaluator {
    private static final int ATTEMPTS = 5;

    private final PresenceStore store;
    private final PresenceBroadcaster broadcaster;
    private final PresenceProperties props;

    PresenceEvaluator(PresenceStore store, PresenceBroadcaster broadcaster, PresenceProperties props) {
        this.store = store;
        this.broadcaster = broadcaster;
        this.props = props;
    }

    /**
     * Re-decides the status of {@code userId} and announces a change.
     *
     * @param offlineSince when the user was last seen, if this evaluation follows a disconnect or an expiry
     *     (null: now)
     */
    public PresenceView evaluate(UUID userId, Instant offlineSince) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Instant now = Instant.now();
            Snapshot s = store.read(List.of(userId), now).getFirst();
            Status next = decide(s, now);
            scheduleIdleCheck(s, next, now);
            if (next == s.shown()) {
                return view(s, next, s.lastSeen());
            }
            Instant lastSeen = next == Status.OFFLINE ? earliest(offlineSince, now).truncatedTo(ChronoUnit.MILLIS) : null;
            if (store.setShownIf(userId, s.shownRaw(), next, lastSeen)) {
                Instant seen = lastSeen != null ? lastSeen : s.lastSeen();
                broadcaster.announce(userId, next, next == Status.OFFLINE ? seen : null);
                return view(s, next, seen);
            }
            // another thread or instance changed it since we read: read again
        }
        Snapshot s = store.read(List.of(userId), Instant.now()).getFirst();
        return view(s, s.shown(), s.lastSeen());
    }

    /**
     * The presence of many users in one round trip. A user whose stored status is stale (a report was
     * missed while Redis or this service was away) is re-evaluated, which also tells the others.
     */
    public List<PresenceView> views(List<UUID> userIds) {
        Instant now = Instant.now();
        List<PresenceView> views = new ArrayList<>(userIds.size());
        for (Snapshot s : store.read(userIds, now)) {
            Status next = decide(s, now);
            views.add(next == s.shown() ? view(s, next, s.lastSeen()) : evaluate(s.userId(), null));
        }
        return views;
    }

    /** The user sets away, dnd, invisible, or back to automatic (online). */
    public PresenceView choose(UUID userId, ChosenStatus chosen) {
        store.setChosen(userId, chosen);
        return evaluate(userId, null);
    }

    /** Activity (a ping, a connect): the user is not idle from {@code at} on. */
    public PresenceView activity(UUID userId, Instant at) {
        store.recordActivity(userId, at);
        return evaluate(userId, null);
    }

    private Status decide(Snapshot s, Instant now) {
        return PresenceRules.visible(s.connected(), s.chosen(), s.lastActive(), now, props.idleAfter());
    }

    /**
     * Connected users on automatic status are looked at again when they would turn idle; idle ones every
     * sweep, to notice activity that message-service recorded (a sent message) and bring them back online.
     */
    private void scheduleIdleCheck(Snapshot s, Status next, Instant now) {
        if (!s.connected() || s.chosen() != ChosenStatus.ONLINE) {
            store.cancelIdleCheck(s.userId());
        } else if (next == Status.AWAY) {
            store.scheduleIdleCheck(s.userId(), now.plus(props.sweepInterval()));
        } else {
            Instant from = s.lastActive() == null ? now : s.lastActive();
            store.scheduleIdleCheck(s.userId(), from.plus(props.idleAfter()));
        }
    }

    private static PresenceView view(Snapshot s, Status status, Instant lastSeen) {
        boolean offline = status == Status.OFFLINE;
        return new PresenceView(s.userId(), status.wire(), offline ? lastSeen : null, offline ? null : s.lastActive());
    }

    private static Instant earliest(Instant candidate, Instant now) {
        return candidate == null || candidate.isAfter(now) ? now : candidate;
    }
}
