package dev.dingus.gateway.routing;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Socket.IO nodes of cluster mode and which one serves a request. An Engine.IO session lives on one node,
 * whose id prefixes the sid ({@code <nodeId>.<id>}): a request with a sid goes to that node; a handshake (no sid)
 * goes round-robin. A sid of an unknown node also goes round-robin, where the node answers Engine.IO's own
 * "Session ID unknown" and the client starts a new session.
 */
public final class SocketIoNodes {
    private final Map<String, URI> byId;
    private final List<URI> ring;
    private final AtomicInteger next = new AtomicInteger();

    private SocketIoNodes(Map<String, URI> byId) {
        this.byId = Collections.unmodifiableMap(byId);
        this.ring = List.copyOf(byId.values());
    }

    /**
     * Parses {@code "id=url,id=url"}. An entry without {@code id=} takes the id {@code message-<n>} (its 1-based
     * position), the node ids the launcher gives the message-service instances. Blank means single-node mode.
     */
    public static SocketIoNodes parse(String spec) {
        Map<String, URI> nodes = new LinkedHashMap<>();
        if (spec == null || spec.isBlank()) {
            return new SocketIoNodes(nodes);
        }
        List<String> entries = new ArrayList<>();
        for (String entry : spec.split(",")) {
            if (!entry.isBlank()) {
                entries.add(entry.trim());
            }
        }
        for (int i = 0; i < entries.size(); i++) {
            String entry = entries.get(i);
            int eq = entry.indexOf('=');
            String id = eq > 0 ? entry.substring(0, eq).trim() : "message-" + (i + 1);
            URI url = URI.create(eq > 0 ? entry.substring(eq + 1).trim() : entry);
            if (url.getScheme() == null || url.getHost() == null) {
                throw new IllegalArgumentException("Socket.IO node '" + id + "' needs an absolute http(s) URL, got: " + url);
            }
            if (nodes.putIfAbsent(id, url) != null) {
                throw new IllegalArgumentException("Socket.IO node id '" + id + "' appears twice");
            }
        }
        return new SocketIoNodes(nodes);
    }

    public boolean clustered() {
        return !ring.isEmpty();
    }

    public Map<String, URI> nodes() {
        return byId;
    }

    /** The node for an Engine.IO request with this sid (null for a handshake); empty in single-node mode. */
    public Optional<URI> pick(String sid) {
        if (ring.isEmpty()) {
            return Optional.empty();
        }
        if (sid != null) {
            int dot = sid.indexOf('.');
            URI owner = dot > 0 ? byId.get(sid.substring(0, dot)) : null;
            if (owner != null) {
                return Optional.of(owner);
            }
        }
        return Optional.of(ring.get(Math.floorMod(next.getAndIncrement(), ring.size())));
    }
}
