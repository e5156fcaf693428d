package dev.dingus.gateway.routing;

import java.net.URI;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where a Socket.IO request goes: the single node ({@code dingus.gateway.socketio.url}), or in cluster mode
 * ({@code dingus.gateway.socketio.nodes}) the node that owns the request's Engine.IO session. One instance, so the
 * proxied requests and the spliced WebSocket upgrades share one round-robin for handshakes.
 */
@Component
public class SocketIoUpstreams {
    private static final Logger log = LoggerFactory.getLogger(SocketIoUpstreams.class);

    private final URI single;
    private final SocketIoNodes nodes;

    public SocketIoUpstreams(@Value("${dingus.gateway.socketio.url}") URI single,
            @Value("${dingus.gateway.socketio.nodes:}") String nodes) {
        this.single = single;
        this.nodes = SocketIoNodes.parse(nodes);
        if (this.nodes.clustered()) {
            log.info("Socket.IO cluster mode, nodes: {}", this.nodes.nodes());
        }
    }

    /** In cluster mode the node for a request with this sid (null for a handshake); empty in single-node mode. */
    public Optional<URI> clusterNode(String sid) {
        return nodes.pick(sid);
    }

    /** The node for a request with this sid, in either mode. */
    public URI nodeFor(String sid) {
        return nodes.pick(sid).orElse(single);
    }
}
