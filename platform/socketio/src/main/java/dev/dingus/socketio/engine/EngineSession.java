package dev.dingus.socketio.engine;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Engine.IO session: heartbeat, transport (polling or WebSocket) and the upgrade between them.
 *
 * <p>All state is confined to one Netty event loop ({@link #eventLoop()}); public methods may be
 * called from any thread and hop onto it. Outbound frames go through one queue, so the order of
 * {@link #send} calls from one thread is the order on the wire, across an upgrade too: while the
 * WebSocket probe runs, frames keep flowing over polling; once the client sends {@code upgrade},
 * whatever is still queued is written to the WebSocket before anything newer.
 */
public final class EngineSession {

  private static final Logger log = LoggerFactory.getLogger(EngineSession.class);
  private static final int MAX_QUEUED_FRAMES = 100_000;

  private final String id;
  private final EventLoop loop;
  private final EngineServer server;
  private final EngineRequest request;
  private EngineListener.SessionHandler handler;

  private boolean websocket;
  private volatile boolean closed;
  private boolean closeAfterFlush;
  private final ArrayDeque<Frame> queue = new ArrayDeque<>();
  private EngineHttpHandler.PendingPoll pendingPoll;
  private Channel ws;
  private Channel probe;
  private ScheduledFuture<?> upgradeTimer;
  private ScheduledFuture<?> pingTimer;
  private ScheduledFuture<?> pongTimer;
  private ScheduledFuture<?> closeTimer;

  EngineSession(String id, EventLoop loop, EngineServer server, EngineRequest request) {
    this.id = id;
    this.loop = loop;
    this.server = server;
    this.request = request;
  }

  /** The session id ({@code sid}). */
  public String id() {
    return id;
  }

  /** The opening request: headers, query, remote address. */
  public EngineRequest request() {
    return request;
  }

  /** The event loop that owns this session. */
  public EventLoop eventLoop() {
    return loop;
  }

  /** {@code websocket} or {@code polling}. Read on the event loop for an exact answer. */
  public String transportName() {
    return websocket ? "websocket" : "polling";
  }

  /**
   * Sends frames in order; from any thread. Off the loop and inside an {@link OutboundBatch}, they go out when
   * the batch closes.
   */
  public void send(List<Frame> frames) {
    OutboundBatch batch;
    if (loop.inEventLoop()) {
      write(frames);
      flush();
    } else if ((batch = OutboundBatch.current()) != null) {
      batch.add(this, frames);
    } else {
      loop.execute(() -> {
        write(frames);
        flush();
      });
    }
  }

  /**
   * Queues frames without flushing; must be called on {@link #eventLoop()}. Lets a broadcast write
   * to many sessions of one loop and flush each once.
   */
  public void write(List<Frame> frames) {
    if (closed || closeAfterFlush) {
      return;
    }
    if (websocket) {
      for (Frame f : frames) {
        ws.write(toWebSocket(f), ws.voidPromise());
      }
      ChannelOutboundBuffer pending = ws.unsafe().outboundBuffer();
      if (pending != null && pending.totalPendingWriteBytes() > server.config().maxBufferedBytes()) {
        log.debug("session {}: client too slow, {} bytes queued", id, pending.totalPendingWriteBytes());
        close("transport error");
      }
    } else {
      queue.addAll(frames);
      if (queue.size() > MAX_QUEUED_FRAMES) {
        log.debug("session {}: client too slow, {} frames queued", id, queue.size());
        close("transport error");
      }
    }
  }

  /** Flushes what {@link #write} queued; must be called on {@link #eventLoop()}. */
  public void flush() {
    if (closed) {
      return;
    }
    if (websocket) {
      ws.flush();
    } else if (pendingPoll != null && !queue.isEmpty()) {
      answerPoll(drain());
    }
  }

  /** Closes the session after delivering what is queued; from any thread. */
  public void close() {
    loop.execute(() -> {
      if (closed) {
        return;
      }
      if (!websocket && !queue.isEmpty() && pendingPoll == null) {
        // Let the next poll carry the remaining packets and the close packet.
        closeAfterFlush = true;
        closeTimer = loop.schedule(() -> close("forced close"), server.config().pingTimeout().toMillis(),
            TimeUnit.MILLISECONDS);
      } else {
        close("forced close");
      }
    });
  }

  /** Closes at once, dropping what is queued; for a client that broke the protocol. From any thread. */
  public void closeForParseError() {
    loop.execute(() -> close("parse error"));
  }

  // ---- lifecycle, called by the server on the event loop ----

  void openPolling(EngineListener listener) {
    handler = listener.onOpen(this);
    schedulePing();
  }

  void openWebSocket(Channel channel, EngineListener listener) {
    websocket = true;
    ws = channel;
    ws.writeAndFlush(toWebSocket(server.openFrame(this, false)));
    handler = listener.onOpen(this);
    schedulePing();
  }

  // ---- polling ----

  void onPoll(EngineHttpHandler.PendingPoll poll) {
    if (closed) {
      poll.fail(1, "Session ID unknown");
    } else if (websocket) {
      poll.fail(3, "Bad request");
    } else if (pendingPoll != null) {
      // Two concurrent GETs break the protocol: refuse the second and end the session.
      poll.fail(3, "Bad request");
      close("transport error");
    } else if (!queue.isEmpty()) {
      pendingPoll = poll;
      answerPoll(drain());
    } else if (probe != null) {
      poll.answer(List.of(Frame.NOOP_FRAME));
    } else {
      pendingPoll = poll;
    }
  }

  void onPollAborted(EngineHttpHandler.PendingPoll poll) {
    if (pendingPoll == poll) {
      pendingPoll = null;
      close("transport close");
    }
  }

  void onPost(EngineHttpHandler.PendingPoll post, byte[] body) {
    if (closed) {
      post.fail(1, "Session ID unknown");
      return;
    }
    if (websocket) {
      post.fail(3, "Bad request");
      return;
    }
    List<Frame> frames;
    try {
      frames = PollingPayload.decode(body);
    } catch (IllegalArgumentException e) {
      post.fail(3, "Bad request");
      close("parse error");
      return;
    }
    post.ok();
    for (Frame f : frames) {
      if (closed) {
        return;
      }
      onPacket(f);
    }
  }

  private List<Frame> drain() {
    List<Frame> frames = new ArrayList<>(queue);
    queue.clear();
    if (closeAfterFlush) {
      frames.add(Frame.CLOSE_FRAME);
    }
    return frames;
  }

  private void answerPoll(List<Frame> frames) {
    EngineHttpHandler.PendingPoll poll = pendingPoll;
    pendingPoll = null;
    poll.answer(frames);
    if (closeAfterFlush) {
      close("forced close");
    }
  }

  // ---- WebSocket ----

  void onUpgradeRequest(Channel channel) {
    if (closed || websocket || probe != null) {
      // Only one upgrade per session: a second WebSocket for the same sid is closed at once.
      channel.writeAndFlush(new CloseWebSocketFrame()).addListener(ChannelFutureListener.CLOSE);
      return;
    }
    probe = channel;
    upgradeTimer = loop.schedule(this::abortUpgrade, server.config().upgradeTimeout().toMillis(),
        TimeUnit.MILLISECONDS);
    noopPendingPoll();
  }

  void onWebSocketFrame(Channel channel, String text, byte[] binary) {
    if (closed) {
      return;
    }
    if (channel == probe) {
      onProbeFrame(text);
      return;
    }
    if (channel != ws) {
      return;
    }
    if (binary != null) {
      onPacket(Frame.binaryMessage(binary));
    } else if (text.isEmpty() || text.charAt(0) < '0' || text.charAt(0) > '6') {
      close("parse error");
    } else {
      onPacket(Frame.textBytes(text.getBytes(StandardCharsets.UTF_8)));
    }
  }

  void onWebSocketClosed(Channel channel) {
    if (channel == probe) {
      abortUpgrade();
    } else if (channel == ws && !closed) {
      close("transport close");
    }
  }

  private void onProbeFrame(String text) {
    if ("2probe".equals(text)) {
      probe.writeAndFlush(new TextWebSocketFrame("3probe"));
      noopPendingPoll();
    } else if ("5".equals(text)) {
      upgradeTimer.cancel(false);
      websocket = true;
      ws = probe;
      probe = null;
      noopPendingPoll();
      List<Frame> rest = drain();
      write(rest);
      flush();
    } else {
      abortUpgrade();
    }
  }

  private void abortUpgrade() {
    if (probe != null) {
      Channel p = probe;
      probe = null;
      if (upgradeTimer != null) {
        upgradeTimer.cancel(false);
      }
      p.close();
    }
  }

  private void noopPendingPoll() {
    if (pendingPoll != null) {
      EngineHttpHandler.PendingPoll poll = pendingPoll;
      pendingPoll = null;
      poll.answer(queue.isEmpty() ? List.of(Frame.NOOP_FRAME) : drain());
    }
  }

  // ---- packets and heartbeat ----

  private void onPacket(Frame f) {
    switch (f.type()) {
      case Frame.MESSAGE -> {
        if (f.binary()) {
          handler.onBinary(f.data());
        } else {
          handler.onMessage(new String(f.data(), 1, f.data().length - 1, StandardCharsets.UTF_8));
        }
      }
      case Frame.PONG -> {
        if (pongTimer != null) {
          pongTimer.cancel(false);
          pongTimer = null;
        }
        if (pingTimer == null || pingTimer.isDone()) {
          schedulePing();
        }
      }
      case Frame.PING -> {
        byte[] pong = f.data().clone();
        pong[0] = Frame.PONG;
        write(List.of(Frame.textBytes(pong)));
        flush();
      }
      case Frame.CLOSE -> closeByClient();
      default -> {
        // open, upgrade and noop from the client carry nothing to act on
      }
    }
  }

  private void schedulePing() {
    pingTimer = loop.schedule(() -> {
      write(List.of(Frame.PING_FRAME));
      flush();
      pongTimer = loop.schedule(() -> close("ping timeout"), server.config().pingTimeout().toMillis(),
          TimeUnit.MILLISECONDS);
    }, server.config().pingInterval().toMillis(), TimeUnit.MILLISECONDS);
  }

  private void closeByClient() {
    if (pendingPoll != null) {
      EngineHttpHandler.PendingPoll poll = pendingPoll;
      pendingPoll = null;
      poll.answer(List.of(Frame.NOOP_FRAME));
    }
    close("transport close");
  }

  void close(String reason) {
    if (closed) {
      return;
    }
    closed = true;
    for (ScheduledFuture<?> t : new ScheduledFuture<?>[] {pingTimer, pongTimer, upgradeTimer, closeTimer}) {
      if (t != null) {
        t.cancel(false);
      }
    }
    server.remove(this);
    if (pendingPoll != null) {
      EngineHttpHandler.PendingPoll poll = pendingPoll;
      pendingPoll = null;
      List<Frame> last = new ArrayList<>(queue);
      last.add(Frame.CLOSE_FRAME);
      poll.answer(last);
    }
    queue.clear();
    if (ws != null && ws.isActive()) {
      ws.writeAndFlush(new CloseWebSocketFrame()).addListener(ChannelFutureListener.CLOSE);
    }
    if (probe != null) {
      probe.close();
      probe = null;
    }
    if (handler != null) {
      try {
        handler.onClose(reason);
      } catch (RuntimeException e) {
        log.warn("session {}: close handler failed", id, e);
      }
    }
  }

  /** False once the session closed; readable from any thread. */
  public boolean isOpen() {
    return !closed;
  }

  private static Object toWebSocket(Frame f) {
    return f.binary()
        ? new BinaryWebSocketFrame(Unpooled.wrappedBuffer(f.data()))
        : new TextWebSocketFrame(Unpooled.wrappedBuffer(f.data()));
  }
}
