package dev.dingus.gateway.socketsplice;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** WebSocket upgrade requests over a plain socket, to see the exact answer head a client gets. */
final class RawUpgrade {
    static final String HEADERS = "Upgrade: websocket\r\nConnection: Upgrade\r\n"
            + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n";
    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?im)^content-length:\\s*(\\d+)");

    private RawUpgrade() {}

    /** Sends an upgrade request for this path to the gateway and returns the answer (head, and body if any). */
    static String send(int port, String path, String extraHeaders) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            String request = "GET " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\n" + HEADERS
                    + extraHeaders + "\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return readAnswer(socket.getInputStream());
        }
    }

    /** Sends a request in pieces of {@code pieceLength} bytes, a moment apart, and returns the answer. */
    static String sendInPieces(int port, String request, int pieceLength) throws IOException, InterruptedException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            for (int i = 0; i < request.length(); i += pieceLength) {
                out.write(request.substring(i, Math.min(request.length(), i + pieceLength))
                        .getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                Thread.sleep(2);
            }
            return readAnswer(socket.getInputStream());
        }
    }

    /** The answer's head, and its body when it has a Content-Length. */
    static String readAnswer(InputStream in) throws IOException {
        StringBuilder text = new StringBuilder();
        while (text.indexOf("\r\n\r\n") < 0) {
            int b = in.read();
            if (b < 0) {
                return text.toString();
            }
            text.append((char) b);
        }
        Matcher length = CONTENT_LENGTH.matcher(text);
        if (length.find()) {
            text.append(new String(in.readNBytes(Integer.parseInt(length.group(1))), StandardCharsets.ISO_8859_1));
        }
        return text.toString();
    }
}
