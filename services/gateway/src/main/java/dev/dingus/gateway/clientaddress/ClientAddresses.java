package dev.dingus.gateway.clientaddress;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

/**
 * Resolves the client of a request. Each proxy appends the address it saw to X-Forwarded-For, so walking the chain
 * from the right (starting with the peer) the first hop that is not a trusted proxy is the real client; anything
 * further left was written by the client and could be forged. A peer that is not a trusted proxy is the client
 * itself and its X-Forwarded-For is ignored. Same rule as auth-service's login throttling.
 */
@Component
public class ClientAddresses {
    private static final String FORWARDED_FOR = "X-Forwarded-For";

    private final List<AddressRange> trusted;

    public ClientAddresses(TrustedProxiesSettings settings) {
        this.trusted = settings.trustedProxies().stream().filter(s -> !s.isBlank()).map(AddressRange::parse).toList();
    }

    /**
     * The X-Forwarded-For value to send upstream: a trusted proxy's chain with the peer appended, else only the
     * peer; null when the peer is unknown.
     */
    public String forwardedFor(ServerHttpRequest request) {
        return forwardedFor(request.getRemoteAddress(), request.getHeaders().getOrEmpty(FORWARDED_FOR));
    }

    /** The same for a connection handled below WebFlux: its peer and the X-Forwarded-For lines it sent. */
    public String forwardedFor(InetSocketAddress remote, List<String> forwardedForLines) {
        byte[] peer = remote != null && remote.getAddress() != null ? remote.getAddress().getAddress() : null;
        if (peer == null) {
            return null;
        }
        List<String> chain = incomingChain(forwardedForLines);
        String peerText = AddressRange.text(peer);
        return isTrusted(peer) && !chain.isEmpty() ? String.join(", ", chain) + ", " + peerText : peerText;
    }

    /** The address a per-address limit applies to. */
    public String clientOf(ServerHttpRequest request) {
        byte[] peer = peer(request);
        if (peer == null) {
            InetSocketAddress remote = request.getRemoteAddress();
            return remote != null ? remote.getHostString() : "unknown";
        }
        return resolve(peer, incomingChain(request.getHeaders().getOrEmpty(FORWARDED_FOR)));
    }

    String resolve(byte[] peer, List<String> chain) {
        byte[] client = peer;
        if (isTrusted(peer)) {
            for (int i = chain.size() - 1; i >= 0; i--) {
                byte[] hop = AddressRange.literal(stripPort(chain.get(i)));
                if (hop == null) {
                    break; // garbage (a host name, "unknown"): trust nothing further left
                }
                client = hop;
                if (!isTrusted(hop)) {
                    break;
                }
            }
        }
        return AddressRange.text(client);
    }

    private boolean isTrusted(byte[] address) {
        return trusted.stream().anyMatch(range -> range.contains(address));
    }

    private static byte[] peer(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        return remote != null && remote.getAddress() != null ? remote.getAddress().getAddress() : null;
    }

    /** The hops of all X-Forwarded-For lines in order (a proxy may send several lines), trimmed. */
    private static List<String> incomingChain(List<String> lines) {
        List<String> hops = new ArrayList<>();
        for (String line : lines) {
            for (String hop : line.split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.trim());
                }
            }
        }
        return hops;
    }

    /** "[v6]:port" → v6, "v4:port" → v4; anything else unchanged. */
    static String stripPort(String hop) {
        if (hop.startsWith("[")) {
            int end = hop.indexOf(']');
            return end > 0 ? hop.substring(1, end) : hop;
        }
        int colon = hop.indexOf(':');
        return colon > 0 && colon == hop.lastIndexOf(':') && hop.indexOf('.') > 0 ? hop.substring(0, colon) : hop;
    }
}
