package dev.dingus.gateway.socketsplice;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The head of an HTTP/1.1 request, parsed only as far as the splice needs. Anything unusual (folded or malformed
 * lines, a body, a second Host) makes {@link #parse} return null: such a request is left to the gateway's full
 * HTTP stack, which answers it properly.
 */
record UpgradeRequest(String target, List<Header> headers, int headLength) {
    /** reactor-netty's default limit for a request head; a longer one is the gateway's to refuse. */
    static final int MAX_HEAD_BYTES = 8192;
    static final String PATH_PREFIX = "/socket.io/";

    record Header(String name, String value) {}

    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    /** Replaced by the gateway, or hop-by-hop headers that must not reach the node. */
    private static final Set<String> NOT_FORWARDED = Set.of("forwarded", "x-request-id", "keep-alive",
            "proxy-connection", "proxy-authorization", "te", "trailer");

    /** Bytes up to and including the blank line that ends the head, or -1 while it is incomplete. */
    static int headLength(ByteBuf buf) {
        int start = buf.readerIndex();
        int end = buf.writerIndex();
        for (int i = start; i + 3 < end; i++) {
            if (buf.getByte(i) == '\r' && buf.getByte(i + 1) == '\n' && buf.getByte(i + 2) == '\r'
                    && buf.getByte(i + 3) == '\n') {
                return i + 4 - start;
            }
        }
        return -1;
    }

    /** The request head in the first {@code length} readable bytes, or null when it is not a clean one. */
    static UpgradeRequest parse(ByteBuf buf, int length) {
        String text = buf.toString(buf.readerIndex(), length - 4, StandardCharsets.ISO_8859_1);
        String[] lines = text.split("\r\n", -1);
        String[] requestLine = lines[0].split(" ", -1);
        if (requestLine.length != 3 || !requestLine[0].equals("GET") || !requestLine[2].equals("HTTP/1.1")
                || !requestLine[1].startsWith(PATH_PREFIX) || hasControl(requestLine[1])) {
            return null;
        }
        List<Header> headers = new ArrayList<>(lines.length - 1);
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            int colon = line.indexOf(':');
            if (colon <= 0 || !TOKEN.matcher(line.substring(0, colon)).matches() || hasControl(line)) {
                return null;
            }
            headers.add(new Header(line.substring(0, colon), line.substring(colon + 1).strip()));
        }
        return new UpgradeRequest(requestLine[1], List.copyOf(headers), length);
    }

    /**
     * A WebSocket upgrade of the Socket.IO endpoint (exactly {@code /socket.io/}) with nothing that would make
     * splicing it unsafe.
     */
    boolean isSocketIoWebSocket() {
        return path().equals(PATH_PREFIX) && "websocket".equals(queryParam("transport"))
                && values("upgrade").size() == 1 && header("upgrade").equalsIgnoreCase("websocket")
                && hasToken(values("connection"), "upgrade")
                && values("host").size() == 1
                && values("content-length").stream().allMatch("0"::equals)
                && values("transfer-encoding").isEmpty();
    }

    String path() {
        int q = target.indexOf('?');
        return q < 0 ? target : target.substring(0, q);
    }

    /** A query parameter's raw value (Engine.IO's are plain tokens), or null. */
    String queryParam(String name) {
        int q = target.indexOf('?');
        if (q < 0) {
            return null;
        }
        for (String pair : target.substring(q + 1).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return pair.substring(eq + 1);
            }
        }
        return null;
    }

    /** The first value of a header (case-insensitive name), or null. */
    String header(String name) {
        for (Header h : headers) {
            if (h.name().equalsIgnoreCase(name)) {
                return h.value();
            }
        }
        return null;
    }

    List<String> values(String name) {
        return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Header::value).toList();
    }

    /**
     * The head to send the node: the client's request line and headers, without what the gateway replaces or what
     * is hop-by-hop, plus the gateway's own headers.
     */
    byte[] forUpstream(List<Header> added) {
        StringBuilder out = new StringBuilder(headLength + 256);
        out.append("GET ").append(target).append(" HTTP/1.1\r\n");
        for (Header h : headers) {
            String lower = h.name().toLowerCase(Locale.ROOT);
            if (!lower.startsWith("x-forwarded-") && !NOT_FORWARDED.contains(lower)) {
                out.append(h.name()).append(": ").append(h.value()).append("\r\n");
            }
        }
        for (Header h : added) {
            out.append(h.name()).append(": ").append(h.value()).append("\r\n");
        }
        return out.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static boolean hasToken(List<String> values, String token) {
        for (String value : values) {
            for (String part : value.split(",")) {
                if (part.strip().equalsIgnoreCase(token)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Control characters other than tab (a bare CR or LF included) have no place in a request head. */
    private static boolean hasControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7f) {
                return true;
            }
        }
        return false;
    }
}
