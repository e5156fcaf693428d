package dev.dingus.socketio.engine;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per-connection HTTP handler: validates Engine.IO requests, serves polling GET/POST, performs the
 * WebSocket handshake and then relays frames to the session. Bad requests get HTTP 400 with the
 * reference server's JSON error body ({@code {"code":n,"message":"..."}}).
 */
final class EngineHttpHandler extends ChannelInboundHandlerAdapter {

  private static final Logger log = LoggerFactory.getLogger(EngineHttpHandler.class);

  private final EngineServer server;
  private EngineSession wsSession;
  private PendingPoll openPoll;
  private WebSocketServerHandshaker handshaker;

  EngineHttpHandler(EngineServer server) {
    this.server = server;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    try {
      if (msg instanceof FullHttpRequest req) {
        onRequest(ctx, req);
      } else if (msg instanceof WebSocketFrame frame) {
        onFrame(ctx, frame);
      }
    } finally {
      ReferenceCountUtil.release(msg);
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (wsSession != null) {
      EngineSession s = wsSession;
      Channel ch = ctx.channel();
      s.eventLoop().execute(() -> s.onWebSocketClosed(ch));
    }
    if (openPoll != null) {
      PendingPoll p = openPoll;
      openPoll = null;
      p.session.eventLoop().execute(() -> p.session.onPollAborted(p));
    }
    ctx.fireChannelInactive();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    log.debug("connection error: {}", cause.toString());
    ctx.close();
  }

  // ---- HTTP ----

  static boolean sameOrigin(String origin, String host) {
    if (host == null) {
      return false;
    }
    int scheme = origin.indexOf("://");
    String authority = scheme < 0 ? origin : origin.substring(scheme + 3);
    if (authority.endsWith("/")) {
      authority = authority.substring(0, authority.length() - 1);
    }
    return authority.equalsIgnoreCase(host);
  }

  private void onRequest(ChannelHandlerContext ctx, FullHttpRequest req) {
    boolean keepAlive = HttpUtil.isKeepAlive(req);
    String origin = req.headers().get(HttpHeaderNames.ORIGIN);
    if (req.decoderResult().isFailure()) {
      sendError(ctx, HttpResponseStatus.BAD_REQUEST, 3, "Bad request", false, origin);
      return;
    }
    QueryStringDecoder qs = new QueryStringDecoder(req.uri());
    String path = qs.path();
    String base = server.config().path();
    if (!path.equals(base) && !path.equals(base + "/")) {
      sendPlain(ctx, HttpResponseStatus.NOT_FOUND, "Not Found", keepAlive, origin);
      return;
    }
    if (HttpMethod.OPTIONS.equals(req.method())) {
      preflight(ctx, req, keepAlive, origin);
      return;
    }
    // Same-origin requests are never cross-origin: a proxy's WebSocket client (Netty's) sends
    // Origin = the upstream's own address, which must not be refused.
    if (origin != null && !sameOrigin(origin, req.headers().get(HttpHeaderNames.HOST))
        && !server.config().originAllowed(origin)) {
      sendError(ctx, HttpResponseStatus.FORBIDDEN, 4, "Forbidden", keepAlive, origin);
      return;
    }
    Map<String, String> query = new HashMap<>();
    qs.parameters().forEach((k, v) -> query.put(k, v.isEmpty() ? "" : v.getFirst()));
    if (!"4".equals(query.get("EIO"))) {
      sendError(ctx, HttpResponseStatus.BAD_REQUEST, 5, "Unsupported protocol version", keepAlive, origin);
      return;
    }
    String transport = query.get("transport");
    if (!"polling".equals(transport) && !"websocket".equals(transport)) {
      sendError(ctx, HttpResponseStatus.BAD_REQUEST, 0, "Transport unknown", keepAlive, origin);
      return;
    }
    boolean upgrade = "websocket".equalsIgnoreCase(req.headers().get(HttpHeaderNames.UPGRADE));
    String sid = query.get("sid");
    if (sid == null) {
      handshake(ctx, req, query, transport, upgrade, keepAlive, origin);
      return;
    }
    EngineSession session = server.session(sid);
    if (session == null) {
      sendError(ctx, HttpResponseStatus.BAD_REQUEST, 1, "Session ID unknown", keepAlive, origin);
      return;
    }
    if ("websocket".equals(transport)) {
      if (!upgrade || !HttpMethod.GET.equals(req.method())) {
        sendError(ctx, HttpResponseStatus.BAD_REQUEST, 3, "Bad request", keepAlive, origin);
        return;
      }
      upgradeToWebSocket(ctx, req, session);
      return;
    }
    PendingPoll poll = new PendingPoll(ctx, session, keepAlive, origin);
    if (HttpMethod.GET.equals(req.method())) {
      openPoll = poll;
      session.eventLoop().execute(() -> session.onPoll(poll));
    } else if (HttpMethod.POST.equals(req.method())) {
      byte[] body = ByteBufUtil.getBytes(req.content());
      session.eventLoop().execute(() -> session.onPost(poll, body));
    } else {
      sendError(ctx, HttpResponseStatus.BAD_REQUEST, 3, "Bad request", keepAlive, origin);
    }
  }

  private void handshake(ChannelHandlerContext ctx, FullHttpRequest req, Map<String, String> query,
      String transport, boolean upgrade, boolean keepAlive, String origin) {
    if (!HttpMethod.GET.equals(req.method())) {
      sendError(ctx, HttpResponseStatus.BAD_REQUEST, 2, "Bad handshake method", keepAlive, origin);
      return;
    }
    if (!server.admitsNewSession()) {
      sendError(ctx, HttpResponseStatus.SERVICE_UNAVAILABLE, 4, "Too many connections", keepAlive, origin);
      return;
    }
    EngineRequest request = new EngineRequest(headers(req), query, remoteAddress(ctx));
    if ("websocket".equals(transport)) {
      if (!upgrade) {
        sendError(ctx, HttpResponseStatus.BAD_REQUEST, 3, "Bad request", keepAlive, origin);
        return;
      }
      ChannelFuture done = doWebSocketHandshake(ctx, req);
      if (done == null) {
        return;
      }
      EngineSession session = server.newSession(ctx.channel().eventLoop(), request);
      wsSession = session;
      done.addListener(f -> {
        if (f.isSuccess()) {
          session.openWebSocket(ctx.channel(), server.listener());
        } else {
          session.close("transport error");
        }
      });
      return;
    }
    EngineSession session = server.newSession(ctx.channel().eventLoop(), request);
    byte[] open = server.openFrame(session, true).data();
    sendResponse(ctx, HttpResponseStatus.OK, "text/plain; charset=UTF-8", open, keepAlive, origin);
    session.openPolling(server.listener());
  }

  private void upgradeToWebSocket(ChannelHandlerContext ctx, FullHttpRequest req, EngineSession session) {
    ChannelFuture done = doWebSocketHandshake(ctx, req);
    if (done == null) {
      return;
    }
    wsSession = session;
    Channel ch = ctx.channel();
    done.addListener(f -> {
      if (f.isSuccess()) {
        session.eventLoop().execute(() -> session.onUpgradeRequest(ch));
      }
    });
  }

  private ChannelFuture doWebSocketHandshake(ChannelHandlerContext ctx, FullHttpRequest req) {
    String url = "ws://" + req.headers().get(HttpHeaderNames.HOST, "localhost") + req.uri();
    WebSocketDecoderConfig decoderConfig = WebSocketDecoderConfig.newBuilder()
        .maxFramePayloadLength(server.config().maxPayload())
        .allowExtensions(false)
        .build();
    handshaker = new WebSocketServerHandshakerFactory(url, null, decoderConfig).newHandshaker(req);
    if (handshaker == null) {
      WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(ctx.channel());
      return null;
    }
    ChannelFuture done = handshaker.handshake(ctx.channel(), req);
    ctx.pipeline().addBefore(ctx.name(), "ws-aggregator", new WebSocketFrameAggregator(server.config().maxPayload()));
    return done;
  }

  private void preflight(ChannelHandlerContext ctx, FullHttpRequest req, boolean keepAlive, String origin) {
    FullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.NO_CONTENT);
    if (origin != null && server.config().originAllowed(origin)) {
      res.headers().set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_METHODS, "GET, POST, OPTIONS");
      String requested = req.headers().get(HttpHeaderNames.ACCESS_CONTROL_REQUEST_HEADERS);
      if (requested != null) {
        res.headers().set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_HEADERS, requested);
      }
      res.headers().set(HttpHeaderNames.ACCESS_CONTROL_MAX_AGE, "86400");
    }
    write(ctx, res, keepAlive, origin);
  }

  // ---- WebSocket frames ----

  private void onFrame(ChannelHandlerContext ctx, WebSocketFrame frame) {
    if (frame instanceof CloseWebSocketFrame close) {
      handshaker.close(ctx.channel(), close.retain());
      return;
    }
    if (frame instanceof PingWebSocketFrame) {
      ctx.writeAndFlush(new PongWebSocketFrame(frame.content().retain()));
      return;
    }
    if (frame instanceof PongWebSocketFrame || wsSession == null) {
      return;
    }
    EngineSession s = wsSession;
    Channel ch = ctx.channel();
    if (frame instanceof TextWebSocketFrame text) {
      String t = text.text();
      if (s.eventLoop().inEventLoop()) {
        s.onWebSocketFrame(ch, t, null);
      } else {
        s.eventLoop().execute(() -> s.onWebSocketFrame(ch, t, null));
      }
    } else if (frame instanceof BinaryWebSocketFrame) {
      byte[] bytes = ByteBufUtil.getBytes(frame.content());
      if (s.eventLoop().inEventLoop()) {
        s.onWebSocketFrame(ch, null, bytes);
      } else {
        s.eventLoop().execute(() -> s.onWebSocketFrame(ch, null, bytes));
      }
    }
  }

  // ---- responses ----

  private void sendError(ChannelHandlerContext ctx, HttpResponseStatus status, int code, String message,
      boolean keepAlive, String origin) {
    byte[] body = ("{\"code\":" + code + ",\"message\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8);
    sendResponse(ctx, status, "application/json", body, keepAlive, origin);
  }

  private void sendPlain(ChannelHandlerContext ctx, HttpResponseStatus status, String text, boolean keepAlive,
      String origin) {
    sendResponse(ctx, status, "text/plain; charset=UTF-8", text.getBytes(StandardCharsets.UTF_8), keepAlive, origin);
  }

  private void sendResponse(ChannelHandlerContext ctx, HttpResponseStatus status, String contentType, byte[] body,
      boolean keepAlive, String origin) {
    FullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body));
    res.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
    write(ctx, res, keepAlive, origin);
  }

  private void write(ChannelHandlerContext ctx, FullHttpResponse res, boolean keepAlive, String origin) {
    res.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, res.content().readableBytes());
    if (origin != null && server.config().originAllowed(origin)) {
      res.headers().set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
      res.headers().set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true");
      res.headers().set(HttpHeaderNames.VARY, "Origin");
    }
    if (keepAlive) {
      res.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
      ctx.writeAndFlush(res);
    } else {
      res.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
      ctx.writeAndFlush(res).addListener(ChannelFutureListener.CLOSE);
    }
  }

  private static Map<String, String> headers(FullHttpRequest req) {
    Map<String, String> headers = new HashMap<>();
    for (Map.Entry<String, String> e : req.headers()) {
      headers.merge(e.getKey().toLowerCase(Locale.ROOT), e.getValue(), (a, b) -> a + ", " + b);
    }
    return headers;
  }

  private static String remoteAddress(ChannelHandlerContext ctx) {
    return ctx.channel().remoteAddress() instanceof InetSocketAddress a
        ? a.getAddress().getHostAddress()
        : String.valueOf(ctx.channel().remoteAddress());
  }

  /** A polling request waiting for its answer; answered exactly once, from any thread. */
  final class PendingPoll {
    private final ChannelHandlerContext ctx;
    final EngineSession session;
    private final boolean keepAlive;
    private final String origin;

    PendingPoll(ChannelHandlerContext ctx, EngineSession session, boolean keepAlive, String origin) {
      this.ctx = ctx;
      this.session = session;
      this.keepAlive = keepAlive;
      this.origin = origin;
    }

    void answer(List<Frame> frames) {
      byte[] body = PollingPayload.encode(frames);
      done(() -> sendResponse(ctx, HttpResponseStatus.OK, "text/plain; charset=UTF-8", body, keepAlive, origin));
    }

    void ok() {
      done(() -> sendResponse(ctx, HttpResponseStatus.OK, "text/html",
          "ok".getBytes(StandardCharsets.UTF_8), keepAlive, origin));
    }

    void fail(int code, String message) {
      done(() -> sendError(ctx, HttpResponseStatus.BAD_REQUEST, code, message, keepAlive, origin));
    }

    private void done(Runnable respond) {
      ctx.executor().execute(() -> {
        if (openPoll == this) {
          openPoll = null;
        }
        respond.run();
      });
    }
  }
}
