package dev.dingus.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback TCP forwarder in front of a real server (e.g. Redis) that a test cuts and restores: the server
 * "goes away" for the service under test only, not for anything else running on the machine. The proxy keeps
 * its port across {@link #down()} and {@link #up()}, so clients reconnect to the same address.
 */
public final class TcpProxy implements AutoCloseable {
    private final int targetPort;
    private final int port;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile ServerSocket listener;

    /** Starts forwarding a free local port to {@code 127.0.0.1:targetPort}. */
    public TcpProxy(int targetPort) {
        this.targetPort = targetPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            this.port = probe.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        up();
    }

    public int port() {
        return port;
    }

    /** Accepts connections again (after {@link #down()}). */
    public synchronized void up() {
        ServerSocket server = bind();
        listener = server;
        Thread.ofVirtual().start(() -> {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                    open.add(client);
                    open.add(upstream);
                    Thread.ofVirtual().start(() -> copy(client, upstream));
                    Thread.ofVirtual().start(() -> copy(upstream, client));
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    /** Refuses new connections and cuts the open ones. */
    public synchronized void down() {
        try {
            listener.close();
            for (Socket s : open) {
                s.close();
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        open.clear();
    }

    /** The port may linger for a moment after a cut: retry binding for a few seconds. */
    private ServerSocket bind() {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            try {
                ServerSocket server = new ServerSocket();
                server.setReuseAddress(true);
                try {
                    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                    return server;
                } catch (BindException e) {
                    server.close();
                    if (System.nanoTime() > deadline) {
                        throw e;
                    }
                    Eventually.pause(100);
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static void copy(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException e) {
            // cut
        } finally {
            try {
                from.close();
                to.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }

    @Override
    public void close() {
        down();
    }
}
