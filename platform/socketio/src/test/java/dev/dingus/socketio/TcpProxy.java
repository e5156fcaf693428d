package dev.dingus.socketio;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A loopback TCP forwarder that a test can cut and restore, to play "Redis went away and came back". */
final class TcpProxy implements AutoCloseable {

  private final int targetPort;
  private final int port;
  private final List<java.net.Socket> sockets = new CopyOnWriteArrayList<>();
  private volatile ServerSocket listener;

  TcpProxy(int targetPort) throws IOException {
    this.targetPort = targetPort;
    try (ServerSocket s = new ServerSocket(0)) {
      this.port = s.getLocalPort();
    }
    up();
  }

  int port() {
    return port;
  }

  synchronized void up() throws IOException {
    ServerSocket ss = bindWithRetry();
    listener = ss;
    Thread.ofVirtual().start(() -> {
      while (!ss.isClosed()) {
        try {
          java.net.Socket in = ss.accept();
          java.net.Socket out = new java.net.Socket(InetAddress.getLoopbackAddress(), targetPort);
          sockets.add(in);
          sockets.add(out);
          if (ss.isClosed()) {
            in.close();
            out.close();
            return;
          }
          Thread.ofVirtual().start(() -> pipe(in, out));
          Thread.ofVirtual().start(() -> pipe(out, in));
        } catch (IOException e) {
          return;
        }
      }
    });
  }

  /** A connection cut a moment ago may still hold the port briefly: retry for a few seconds. */
  private ServerSocket bindWithRetry() throws IOException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (true) {
      ServerSocket ss = new ServerSocket();
      ss.setReuseAddress(true);
      try {
        ss.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        return ss;
      } catch (java.net.BindException e) {
        ss.close();
        if (System.nanoTime() > deadline) {
          throw e;
        }
        try {
          Thread.sleep(100);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  /** Refuses new connections and cuts the open ones. */
  synchronized void down() throws IOException {
    listener.close();
    for (java.net.Socket s : sockets) {
      s.close();
    }
    sockets.clear();
  }

  private static void pipe(java.net.Socket from, java.net.Socket to) {
    try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
      in.transferTo(out);
    } catch (IOException e) {
      // connection cut
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
  public void close() throws IOException {
    down();
  }
}
