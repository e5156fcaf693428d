package dev.dingus.gateway.socketsplice;

import dev.dingus.contracts.errors.ErrorCodes;
import dev.dingus.gateway.clientaddress.ClientAddresses;
import dev.dingus.gateway.cors.CorsSettings;
import dev.dingus.gateway.errors.Problems;
import dev.dingus.gateway.requestid.RequestIds;
import dev.dingus.gateway.routing.ForwardedHeaders;
import dev.dingus.gateway.routing.SocketIoUpstreams;
import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.ssl.SslHandler;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.stereotype.Component;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

/**
 * Splices Socket.IO WebSocket connections: Spring Cloud Gateway's WebSocket proxy decodes and re-encodes every frame
 * through its reactive WebSocket client, which cost more CPU per delivered message than anything else in the gateway.
 * Here a {@link UpgradeSniffer} in front of reactor-netty's HTTP codec looks at the first request of each connection;
 * a Socket.IO WebSocket upgrade that the gateway would pass unchanged is sent to its node with the gateway's headers
 * and, once the node answers 101, the two connections are joined byte for byte. Every other request, and every upgrade
 * the gateway would refuse or change (a foreign Origin, an unusual head), goes through the gateway as before.
 * {@code dingus.gateway.socketio.splice=false} turns it off.
 */
@Component
public class SocketIoSplice implements NettyServerCustomizer {
    private static final Logger log = LoggerFactory.getLogger(SocketIoSplice.class);
    static final String HANDLER_NAME = "dingus.socketIoSplice";

    private final SocketIoUpstreams upstreams;
    private final ClientAddresses clients;
    private final Set<String> allowedOrigins;
    private final boolean enabled;
    private final boolean logAccess;
    private final int connectTimeoutMillis;
    private final UpstreamConnector connector = new UpstreamConnector();

    public SocketIoSplice(SocketIoUpstreams upstreams, ClientAddresses clients, CorsSettings cors,
            @Value("${dingus.gateway.socketio.splice:true}") boolean enabled,
            @Value("${dingus.gateway.access-log:true}") boolean logAccess,
            @Value("${spring.cloud.gateway.server.webflux.httpclient.connect-timeout:2000}") int connectTimeoutMillis) {
        this.upstreams = upstreams;
        this.clients = clients;
        this.allowedOrigins = Set.copyOf(cors.allowedOrigins());
        this.enabled = enabled;
        this.logAccess = logAccess;
        this.connectTimeoutMillis = connectTimeoutMillis;
    }

    @Override
    public HttpServer apply(HttpServer server) {
        if (!enabled) {
            return server;
        }
        return server.doOnChannelInit((observer, channel, remote) -> {
            ChannelPipeline pipeline = channel.pipeline();
            if (pipeline.get(NettyPipeline.HttpCodec) != null) {
                pipeline.addBefore(NettyPipeline.HttpCodec, HANDLER_NAME, new UpgradeSniffer(this));
            }
        });
    }

    /** Where this request is spliced to, or null when the gateway handles it the usual way. */
    Splice plan(UpgradeRequest request, Channel client) {
        if (!request.isSocketIoWebSocket()) {
            return null;
        }
        URI node = upstreams.nodeFor(request.queryParam("sid"));
        if (!"http".equalsIgnoreCase(node.getScheme()) || node.getHost() == null) {
            return null;
        }
        boolean tls = client.pipeline().get(SslHandler.class) != null;
        String host = request.header("host");
        if (!originPasses(request.header("origin"), host, tls)) {
            return null;
        }
        String requestId = RequestIds.acceptOrCreate(request.header(RequestIds.HEADER));
        InetSocketAddress peer = client.remoteAddress() instanceof InetSocketAddress inet ? inet : null;
        List<UpgradeRequest.Header> added = new ArrayList<>(5);
        ForwardedHeaders.values(clients.forwardedFor(peer, request.values("x-forwarded-for")), tls ? "https" : "http",
                host, portOf(host)).forEach((name, value) -> added.add(new UpgradeRequest.Header(name, value)));
        added.add(new UpgradeRequest.Header(RequestIds.HEADER, requestId));
        int nodePort = node.getPort() > 0 ? node.getPort() : 80;
        return new Splice(node.getHost(), nodePort, request.forUpstream(added), requestId, request.path(), System.nanoTime());
    }

    /**
     * What the gateway's CORS filter lets through unchanged: no Origin (not a browser), an allowed origin, or the
     * gateway's own origin. Anything else is left to that filter, which refuses it with a problem.
     */
    boolean originPasses(String origin, String host, boolean tls) {
        if (origin == null || allowedOrigins.contains(origin)) {
            return true;
        }
        if (host == null) {
            return false;
        }
        String scheme = tls ? "https" : "http";
        String own = scheme + "://" + host.toLowerCase(Locale.ROOT);
        String candidate = origin.toLowerCase(Locale.ROOT);
        String defaultPort = tls ? ":443" : ":80";
        return candidate.equals(own) || candidate.equals(own.endsWith(defaultPort)
                ? own.substring(0, own.length() - defaultPort.length()) : own + defaultPort);
    }

    private static int portOf(String host) {
        int colon = host.lastIndexOf(':');
        if (colon < 0 || host.endsWith("]")) {
            return -1;
        }
        try {
            return Integer.parseInt(host.substring(colon + 1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    UpstreamConnector connector() {
        return connector;
    }

    int connectTimeoutMillis() {
        return connectTimeoutMillis;
    }

    /** One access-log line per spliced connection when it ends, like the gateway's for every request. */
    void ended(Splice splice, int status) {
        if (logAccess) {
            RequestIds.logAccess(splice.requestId(), "GET", splice.path(), status, System.nanoTime() - splice.startedAt(),
                    " (WebSocket spliced)");
        }
    }

    /** The answer when the node cannot be reached: the gateway's usual 503 problem, and the connection closes. */
    byte[] nodeUnavailable(Splice splice) {
        byte[] body = Problems.json(splice.path(), splice.requestId(), HttpStatus.SERVICE_UNAVAILABLE,
                ErrorCodes.SERVICE_UNAVAILABLE, "message-service (Socket.IO) is unavailable; try again shortly.");
        String head = "HTTP/1.1 503 Service Unavailable\r\n"
                + "Content-Type: application/problem+json\r\n"
                + "Cache-Control: no-store\r\n"
                + "X-Content-Type-Options: nosniff\r\n"
                + RequestIds.HEADER + ": " + splice.requestId() + "\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + "Connection: close\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.ISO_8859_1);
        byte[] answer = Arrays.copyOf(headBytes, headBytes.length + body.length);
        System.arraycopy(body, 0, answer, headBytes.length, body.length);
        return answer;
    }

    static void debug(String what, Throwable cause) {
        log.debug("Socket.IO splice: {}: {}", what, cause.toString());
    }

    /** A decided splice: the node, the head to send it, and what the access log needs. */
    record Splice(String host, int port, byte[] head, String requestId, String path, long startedAt) {}
}
