package dev.dingus.messages.realtime;

import dev.dingus.contracts.realtime.SocketEvents;
import dev.dingus.messages.core.Fanout;
import dev.dingus.messages.core.MessagesProperties;
import dev.dingus.platform.web.config.DingusProperties;
import dev.dingus.socketio.Adapter;
import dev.dingus.socketio.Namespace;
import dev.dingus.socketio.SocketIoServer;
import dev.dingus.socketio.engine.OutboundBatch;
import dev.dingus.socketio.redis.RedisAdapter;
import java.util.List;
import java.util.UUID;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Socket.IO server of this node, on its own Netty port next to the HTTP API (ADR 0004), with the Redis
 * adapter for cross-node fan-out. Engine.IO session ids start with {@code <nodeId>.} so that the gateway
 * routes each session to its node. As {@link Fanout} it is how every feature reaches sockets.
 */
@Component
public class SocketServer implements SmartLifecycle, Fanout {
    private static final Logger log = LoggerFactory.getLogger(SocketServer.class);

    private final SocketIoServer server;
    private volatile boolean running;

    SocketServer(MessagesProperties props, DingusProperties dingus, JsonMapper json, Environment env,
            SocketAuthenticator authenticator, ObjectProvider<SocketConnections> connections, MeterRegistry meters) {
        MessagesProperties.Socket s = props.socket();
        List<String> origins = s.corsOrigins() == null || s.corsOrigins().isEmpty()
                ? dingus.cors().allowedOrigins() : s.corsOrigins();
        // Cross-node fan-out on <prefix>fanout (ARCHITECTURE §6); Redis being away leaves local delivery working.
        Adapter adapter = new RedisAdapter(env.getProperty("spring.data.redis.url", "redis://127.0.0.1:6379"),
                dingus.redis().prefix(), json);
        this.server = SocketIoServer.builder()
                .host(s.host())
                .port(s.port())
                .path(s.path())
                .maxPayload(s.maxPayloadBytes())
                .heartbeat(s.pingInterval(), s.pingTimeout())
                .inboundRate(s.inboundEventsPerSecond(), s.inboundEventBurst())
                .corsOrigins(origins == null ? new String[0] : origins.toArray(String[]::new))
                .sidPrefix(props.nodeId() + ".")
                .objectMapper(json)
                .adapter(adapter)
                // One loop per core, not Netty's two: a broadcast hands one task to every loop holding a member of
                // the room, and on few cores more loops mean more hand-offs, not more parallelism.
                .ioThreads(s.ioThreads() > 0 ? s.ioThreads() : Runtime.getRuntime().availableProcessors())
                .build();
        // Resolved lazily: the connection handlers reach the features, which reach sockets through this Fanout.
        Gauge.builder("dingus.messages.sockets", server, SocketIoServer::connectionCount)
                .description("Open Engine.IO connections on this node").register(meters);
        server.namespace("/").use(authenticator).onConnection(socket -> connections.getObject().accept(socket));
    }

    @Override
    public void start() {
        int port = server.start();
        running = true;
        log.info("Socket.IO listening on port {}", port);
    }

    @Override
    public void stop() {
        running = false;
        server.close();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before the message writer (which still answers what was queued), after the HTTP server. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 3072;
    }

    /** The bound port (useful with port 0). */
    public int port() {
        return server.port();
    }

    /** The main namespace, with the sockets of this node. */
    Namespace sockets() {
        return server.namespace("/");
    }

    @Override
    public void toRoom(UUID roomId, String event, Object payload) {
        if (running) {
            server.to(SocketEvents.roomTarget(roomId)).emit(event, payload);
        }
    }

    @Override
    public void together(Runnable work) {
        try (OutboundBatch batch = OutboundBatch.open()) {
            work.run();
        }
    }

    @Override
    public void toUser(UUID userId, String event, Object payload) {
        if (running) {
            server.to(SocketEvents.userTarget(userId)).emit(event, payload);
        }
    }
}
