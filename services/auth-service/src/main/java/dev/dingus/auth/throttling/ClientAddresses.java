package dev.dingus.auth.throttling;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Component;

/**
 * The address a request comes from. Directly connected clients are their remote address. Behind a trusted
 * proxy (the gateway) the client is read from {@code X-Forwarded-For}, walking from the right: each proxy
 * appends the address it saw, so the rightmost hop that is not a trusted proxy is the real client, while
 * anything further left was written by the client itself and could be forged to dodge the limits.
 */
@Component
public class ClientAddresses {
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private final List<IpAddressMatcher> trusted;

    public ClientAddresses(ThrottlingProperties props) {
        this.trusted = props.trustedProxies().stream().map(String::trim).filter(s -> !s.isEmpty())
                .map(IpAddressMatcher::new).toList();
    }

    public String of(HttpServletRequest request) {
        return resolve(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"));
    }

    String resolve(String remoteAddress, String forwardedFor) {
        String remote = normalize(remoteAddress);
        if (remote == null || !isTrusted(remote) || forwardedFor == null || forwardedFor.isBlank()) {
            return remote == null ? "unknown" : remote;
        }
        String[] hops = forwardedFor.split(",");
        String client = remote;
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = normalize(hops[i]);
            if (hop == null) {
                break; // garbage written by someone: trust nothing further left
            }
            client = hop;
            if (!isTrusted(hop)) {
                break;
            }
        }
        return client;
    }

    private boolean isTrusted(String address) {
        return trusted.stream().anyMatch(m -> m.matches(address));
    }

    /** An IP literal without port or brackets, or null. Never a host name: no DNS lookups for header values. */
    static String normalize(String value) {
        if (value == null) {
            return null;
        }
        String v = value.trim();
        if (v.startsWith("[")) { // [v6]:port
            int end = v.indexOf(']');
            v = end > 0 ? v.substring(1, end) : v;
        } else if (v.indexOf(':') > 0 && v.indexOf(':') == v.lastIndexOf(':') && v.indexOf('.') > 0) { // v4:port
            v = v.substring(0, v.indexOf(':'));
        }
        if (v.startsWith("::ffff:") && v.indexOf('.') > 0) { // IPv4-mapped IPv6
            v = v.substring("::ffff:".length());
        }
        return IP_LITERAL.matcher(v).matches() && (v.indexOf('.') > 0 || v.indexOf(':') >= 0) ? v.toLowerCase() : null;
    }
}
