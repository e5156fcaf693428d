package dev.dingus.socketio.engine;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An Engine.IO v4 server on Netty: HTTP long-polling and WebSocket on one port, with the upgrade
 * between them. Usable alone (as a raw Engine.IO server) or under the Socket.IO layer.
 */
public final class EngineServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EngineServer.class);

  private final EngineConfig config;
  private final EngineListener listener;
  private final ConcurrentHashMap<String, EngineSession> sessions = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();
  private final String sidPrefix;
  private EventLoopGroup group;
  private Channel serverChannel;

  public EngineServer(EngineConfig config, EngineListener listener) {
    this(config, listener, "");
  }

  /**
   * @param sidPrefix put before every session id (e.g. {@code "message-1."}), so that a proxy can
   *     route a session's requests to the node that owns it; empty for none
   */
  public EngineServer(EngineConfig config, EngineListener listener, String sidPrefix) {
    this.config = config;
    this.listener = listener;
    this.sidPrefix = sidPrefix == null ? "" : sidPrefix;
  }

  /**
   * Binds and starts serving.
   *
   * @param host address to bind, e.g. {@code 0.0.0.0} or {@code 127.0.0.1}
   * @param port port, {@code 0} for a free one
   * @param ioThreads event loop threads, {@code 0} for Netty's default (2 x cores)
   * @return the bound port
   */
  public synchronized int start(String host, int port, int ioThreads) {
    if (group != null) {
      throw new IllegalStateException("already started");
    }
    group = new MultiThreadIoEventLoopGroup(ioThreads, NioIoHandler.newFactory());
    ServerBootstrap bootstrap = new ServerBootstrap()
        .group(group)
        .channel(NioServerSocketChannel.class)
        .option(ChannelOption.SO_BACKLOG, 1024)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            ch.pipeline().addLast("http", new HttpServerCodec(8192, 16384, 8192));
            ch.pipeline().addLast("aggregator", new HttpObjectAggregator(config.maxPayload()));
            ch.pipeline().addLast("engine", new EngineHttpHandler(EngineServer.this));
          }
        });
    try {
      serverChannel = bootstrap.bind(host, port).sync().channel();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while binding", e);
    } catch (RuntimeException e) {
      group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
      group = null;
      throw e;
    }
    int bound = ((InetSocketAddress) serverChannel.localAddress()).getPort();
    log.info("Engine.IO listening on {}:{}{}", host, bound, config.path());
    return bound;
  }

  /** Closes every session ({@code server shutting down}), then the port and the event loops. */
  @Override
  public synchronized void close() {
    if (group == null) {
      return;
    }
    if (serverChannel != null) {
      serverChannel.close().syncUninterruptibly();
    }
    CountDownLatch closed = new CountDownLatch(sessions.size());
    for (EngineSession s : sessions.values()) {
      s.eventLoop().execute(() -> {
        s.close("server shutting down");
        closed.countDown();
      });
    }
    try {
      closed.await(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    group = null;
  }

  public EngineConfig config() {
    return config;
  }

  /** Open sessions right now. */
  public Collection<EngineSession> sessions() {
    return sessions.values();
  }

  EngineListener listener() {
    return listener;
  }

  EngineSession session(String sid) {
    return sessions.get(sid);
  }

  boolean admitsNewSession() {
    return sessions.size() < config.maxConnections();
  }

  EngineSession newSession(EventLoop loop, EngineRequest request) {
    byte[] bytes = new byte[15];
    random.nextBytes(bytes);
    String sid = sidPrefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    EngineSession session = new EngineSession(sid, loop, this, request);
    sessions.put(sid, session);
    return session;
  }

  void remove(EngineSession session) {
    sessions.remove(session.id(), session);
  }

  Frame openFrame(EngineSession session, boolean polling) {
    String json = "{\"sid\":\"" + session.id() + "\",\"upgrades\":" + (polling ? "[\"websocket\"]" : "[]")
        + ",\"pingInterval\":" + config.pingInterval().toMillis()
        + ",\"pingTimeout\":" + config.pingTimeout().toMillis()
        + ",\"maxPayload\":" + config.maxPayload() + "}";
    return Frame.textBytes((Frame.OPEN + json).getBytes(StandardCharsets.UTF_8));
  }
}
