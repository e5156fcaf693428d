package dev.dingus.messages.realtime;

import dev.dingus.contracts.realtime.SocketEvents;
import dev.dingus.messages.core.RedisGuard;
import dev.dingus.messages.membership.MembershipService;
import dev.dingus.messages.membership.MembershipService.Pair;
import dev.dingus.platform.web.security.AuthenticatedUser;
import dev.dingus.socketio.Socket;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The safety net under the membership channel: a change announced while Redis was away (or while this node
 * was resubscribing) never reached this node. So every half minute, and right after Redis comes back, the
 * rooms this node's sockets joined are checked against the membership tables in one query, and sockets of
 * users who are no longer members leave (as on a live removal).
 */
@Component
public class MembershipSweep {
    private static final Logger log = LoggerFactory.getLogger(MembershipSweep.class);
    private static final String ROOM_PREFIX = SocketEvents.roomTarget("");

    private final SocketServer server;
    private final MembershipService membership;
    private final MembershipSocketEffects effects;

    MembershipSweep(SocketServer server, MembershipService membership, MembershipSocketEffects effects, RedisGuard guard) {
        this.server = server;
        this.membership = membership;
        this.effects = effects;
        guard.onRecovered(this::sweep);
    }

    @Scheduled(fixedDelayString = "${dingus.messages.membership.sweep-interval:30s}")
    public void sweep() {
        Set<Pair> pairs = new LinkedHashSet<>();
        for (Socket socket : List.copyOf(server.sockets().sockets())) {
            AuthenticatedUser user = SocketEventGroup.userOf(socket);
            for (String room : socket.rooms()) {
                if (room.startsWith(ROOM_PREFIX)) {
                    try {
                        pairs.add(new Pair(UUID.fromString(room.substring(ROOM_PREFIX.length())), user.id()));
                    } catch (IllegalArgumentException e) {
                        // not a room of ours
                    }
                }
            }
        }
        if (pairs.isEmpty()) {
            return;
        }
        List<Pair> gone = membership.notMembers(new ArrayList<>(pairs));
        for (Pair p : gone) {
            effects.memberRemoved(p.roomId(), p.userId());
        }
        if (!gone.isEmpty()) {
            log.info("Membership sweep moved {} socket room memberships that had ended", gone.size());
        }
    }
}
