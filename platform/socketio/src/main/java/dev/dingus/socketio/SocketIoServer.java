package dev.dingus.socketio;

import dev.dingus.socketio.engine.EngineConfig;
import dev.dingus.socketio.engine.EngineListener;
import dev.dingus.socketio.engine.EngineServer;
import dev.dingus.socketio.engine.EngineSession;
import dev.dingus.socketio.protocol.PacketEncoder;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Socket.IO v4 server (Engine.IO protocol 4, Socket.IO protocol 5) on its own Netty port: HTTP
 * long-polling, WebSocket and the upgrade between them, namespaces, connection middleware, rooms,
 * acknowledgements both ways and binary attachments.
 *
 * <pre>{@code
 * SocketIoServer server = SocketIoServer.builder().port(3013).corsOrigins("http://localhost:5173").build();
 * server.namespace("/").use(h -> h.authString("token") != null
 *         ? ConnectDecision.accept(userFrom(h.authString("token")))
 *         : ConnectDecision.reject("unauthorized", Map.of("code", "AUTH_REQUIRED")))
 *     .onConnection(socket -> socket.on("ping", (s, args, ack) -> ack.send("pong")));
 * server.start();
 * }</pre>
 *
 * <p>Handlers run on the configured executor (virtual threads by default), never on Netty's event
 * loops; the events of one connection are handled one at a time, in order.
 */
public final class SocketIoServer implements AutoCloseable {

  private final Builder options;
  private final EngineConfig engineConfig;
  private final ObjectMapper mapper;
  private final PacketEncoder encoder;
  private final Executor handlerExecutor;
  private final ExecutorService ownedExecutor;
  private final Adapter adapter;
  private final Map<String, Namespace> namespaces = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();
  private EngineServer engine;
  private int boundPort = -1;

  private SocketIoServer(Builder b) {
    this.options = b;
    this.engineConfig = new EngineConfig(b.path, b.pingInterval, b.pingTimeout, b.maxPayload, b.maxConnections,
        b.upgradeTimeout, b.corsOrigins, b.maxBufferedBytes);
    this.mapper = b.mapper != null ? b.mapper : JsonMapper.builder().build();
    this.encoder = new PacketEncoder(mapper);
    if (b.executor != null) {
      this.handlerExecutor = b.executor;
      this.ownedExecutor = null;
    } else {
      this.ownedExecutor = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("socketio-handler-", 0).factory());
      this.handlerExecutor = ownedExecutor;
    }
    this.adapter = b.adapter != null ? b.adapter : new LocalAdapter();
    namespaces.put("/", new Namespace("/", this));
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Starts the adapter and binds the port; returns the bound port (useful with port 0). */
  public synchronized int start() {
    if (engine != null) {
      throw new IllegalStateException("already started");
    }
    adapter.start(this::deliverLocal);
    engine = new EngineServer(engineConfig, this::onEngineOpen, options.sidPrefix);
    boundPort = engine.start(options.host, options.port, options.ioThreads);
    return boundPort;
  }

  /** Closes every connection ({@code server shutting down}), the port, the adapter and the owned executor. */
  @Override
  public synchronized void close() {
    if (engine != null) {
      engine.close();
      engine = null;
    }
    adapter.close();
    if (ownedExecutor != null) {
      ownedExecutor.shutdown();
    }
  }

  /** The bound port once started, else {@code -1}. */
  public int port() {
    return boundPort;
  }

  /** The namespace of that name, created on first use. {@code "/"} always exists. */
  public Namespace namespace(String name) {
    Objects.requireNonNull(name, "name");
    if (!name.startsWith("/")) {
      throw new IllegalArgumentException("a namespace starts with '/'");
    }
    return namespaces.computeIfAbsent(name, n -> new Namespace(n, this));
  }

  /** Same as {@link #namespace(String)}, named like the reference API. */
  public Namespace of(String name) {
    return namespace(name);
  }

  /** Broadcast to rooms of the main namespace. */
  public BroadcastOperator to(String... rooms) {
    return namespace("/").to(rooms);
  }

  /** Open Engine.IO connections on this node. */
  public int connectionCount() {
    return engine == null ? 0 : engine.sessions().size();
  }

  /** The Jackson mapper used for payloads. */
  public ObjectMapper mapper() {
    return mapper;
  }

  // ---- internals ----

  /** The adapter in use (e.g. to report {@code RedisAdapter.connected()} in a health check). */
  public Adapter adapter() {
    return adapter;
  }

  PacketEncoder encoder() {
    return encoder;
  }

  Executor handlerExecutor() {
    return handlerExecutor;
  }

  Duration connectTimeout() {
    return options.connectTimeout;
  }

  /** The largest HTTP body or WebSocket message accepted, in bytes. */
  int maxPayload() {
    return engineConfig.maxPayload();
  }

  Namespace namespaceOrNull(String name) {
    return namespaces.get(name);
  }

  String newSocketId() {
    byte[] bytes = new byte[15];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  RateLimiter newRateLimiter() {
    return new RateLimiter(options.inboundRatePerSecond, options.inboundBurst);
  }

  private EngineListener.SessionHandler onEngineOpen(EngineSession session) {
    return new ClientConnection(this, session);
  }

  private void deliverLocal(Broadcast b) {
    Namespace ns = namespaces.get(b.namespace());
    if (ns != null) {
      ns.deliverLocal(b);
    }
  }

  /** Settings; every one has a default suited to local use. */
  public static final class Builder {
    private String host = "0.0.0.0";
    private int port = 3013;
    private String path = "/socket.io";
    private Duration pingInterval = Duration.ofSeconds(25);
    private Duration pingTimeout = Duration.ofSeconds(20);
    private Duration connectTimeout = Duration.ofSeconds(45);
    private Duration upgradeTimeout = Duration.ofSeconds(10);
    private int maxPayload = 1_000_000;
    private int maxConnections = 100_000;
    private long maxBufferedBytes = 16L * 1024 * 1024;
    private double inboundRatePerSecond = 100;
    private int inboundBurst = 200;
    private Set<String> corsOrigins = Set.of();
    private Executor executor;
    private ObjectMapper mapper;
    private Adapter adapter;
    private int ioThreads;
    private String sidPrefix = "";

    private Builder() {}

    /** Address to bind; default {@code 0.0.0.0}. */
    public Builder host(String host) {
      this.host = Objects.requireNonNull(host);
      return this;
    }

    /** Port; {@code 0} picks a free one. Default 3013. */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /** URL path; default {@code /socket.io}. */
    public Builder path(String path) {
      this.path = path;
      return this;
    }

    /** Heartbeat: ping every {@code interval}, close when no pong within {@code timeout}. Default 25 s / 20 s. */
    public Builder heartbeat(Duration interval, Duration timeout) {
      this.pingInterval = interval;
      this.pingTimeout = timeout;
      return this;
    }

    /** How long a client may stay without joining any namespace. Default 45 s. */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = timeout;
      return this;
    }

    /** How long a WebSocket upgrade may take. Default 10 s. */
    public Builder upgradeTimeout(Duration timeout) {
      this.upgradeTimeout = timeout;
      return this;
    }

    /** Largest HTTP body or WebSocket message in bytes. Default 1 000 000. */
    public Builder maxPayload(int bytes) {
      this.maxPayload = bytes;
      return this;
    }

    /** Connections open at once; further handshakes get HTTP 503. Default 100 000. */
    public Builder maxConnections(int max) {
      this.maxConnections = max;
      return this;
    }

    /** Outbound bytes a slow client may have queued before it is disconnected. Default 16 MiB. */
    public Builder maxBufferedBytes(long bytes) {
      this.maxBufferedBytes = bytes;
      return this;
    }

    /**
     * Inbound events per socket: {@code perSecond} on average, bursts up to {@code burst}; events
     * beyond get {@code RATE_LIMITED}. Default 100/s, burst 200.
     */
    public Builder inboundRate(double perSecond, int burst) {
      if (perSecond <= 0 || burst < 1) {
        throw new IllegalArgumentException("rate and burst must be positive");
      }
      this.inboundRatePerSecond = perSecond;
      this.inboundBurst = burst;
      return this;
    }

    /** Browser origins allowed (CORS and WebSocket {@code Origin}); none given allows all. */
    public Builder corsOrigins(String... origins) {
      this.corsOrigins = Set.of(origins);
      return this;
    }

    /** Executor for middleware and handlers; default one virtual thread per task (owned and shut down by the server). */
    public Builder executor(Executor executor) {
      this.executor = executor;
      return this;
    }

    /** Jackson mapper for payloads; default a plain {@code JsonMapper}. */
    public Builder objectMapper(ObjectMapper mapper) {
      this.mapper = mapper;
      return this;
    }

    /** Cross-node adapter; default {@link LocalAdapter}. */
    public Builder adapter(Adapter adapter) {
      this.adapter = adapter;
      return this;
    }

    /** Netty event loop threads; {@code 0} (default) lets Netty choose (2 x cores). */
    public Builder ioThreads(int threads) {
      this.ioThreads = threads;
      return this;
    }

    /**
     * Put before every Engine.IO session id, e.g. {@code "message-1."}: a proxy in front of several
     * nodes routes a session's requests by it. Must be URL-safe. Default none.
     */
    public Builder sidPrefix(String prefix) {
      if (prefix == null || !prefix.matches("[A-Za-z0-9._~-]*")) {
        throw new IllegalArgumentException("sidPrefix must be URL-safe: " + prefix);
      }
      this.sidPrefix = prefix;
      return this;
    }

    public SocketIoServer build() {
      return new SocketIoServer(this);
    }
  }
}
