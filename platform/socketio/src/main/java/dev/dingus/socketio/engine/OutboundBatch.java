package dev.dingus.socketio.engine;

import io.netty.channel.EventLoop;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Groups what one thread sends to many sessions: while a batch is open on a thread, {@link EngineSession#send}
 * from that thread (off the sessions' event loops) only queues, and closing the batch hands each event loop one
 * task that writes everything queued for it, in order, then flushes each session once. A thread that stores a
 * batch of messages and then broadcasts them and answers their senders wakes each loop once instead of once per
 * message and recipient, and a sender gets its ack and its own message in one write.
 *
 * <p>Others can hang work on the batch with {@link #attachment}: the Redis adapter collects the batch's publishes
 * there and sends them as one command when the batch closes.
 *
 * <p>{@link #open()} inside an open batch joins it; only the outermost {@link #close()} sends. Use it with
 * try-with-resources, on one thread.
 */
public final class OutboundBatch implements AutoCloseable {

  private static final ThreadLocal<OutboundBatch> CURRENT = new ThreadLocal<>();

  private record Queued(EngineSession session, List<Frame> frames) {}

  private record Attachment<T>(T value, Consumer<? super T> atClose) {
    void run() {
      atClose.accept(value);
    }
  }

  private final Map<EventLoop, List<Queued>> byLoop = new LinkedHashMap<>();
  private final Map<Object, Attachment<?>> attachments = new LinkedHashMap<>();
  private int depth;

  private OutboundBatch() {}

  /** Opens a batch on this thread, or joins the one already open. */
  public static OutboundBatch open() {
    OutboundBatch batch = CURRENT.get();
    if (batch == null) {
      batch = new OutboundBatch();
      CURRENT.set(batch);
    }
    batch.depth++;
    return batch;
  }

  /** The batch open on this thread, or {@code null}. */
  public static OutboundBatch current() {
    return CURRENT.get();
  }

  /**
   * The value kept under {@code key} in this batch, created on first use; {@code atClose} receives it once when
   * the batch closes, after the sessions' writes were handed to their loops.
   */
  @SuppressWarnings("unchecked")
  public <T> T attachment(Object key, Supplier<T> create, Consumer<? super T> atClose) {
    Attachment<?> a = attachments.computeIfAbsent(key, k -> new Attachment<>(create.get(), atClose));
    return (T) a.value();
  }

  void add(EngineSession session, List<Frame> frames) {
    byLoop.computeIfAbsent(session.eventLoop(), l -> new ArrayList<>()).add(new Queued(session, frames));
  }

  @Override
  public void close() {
    if (--depth > 0) {
      return;
    }
    CURRENT.remove();
    for (Map.Entry<EventLoop, List<Queued>> e : byLoop.entrySet()) {
      List<Queued> queued = e.getValue();
      try {
        e.getKey().execute(() -> writeAndFlush(queued));
      } catch (RejectedExecutionException shuttingDown) {
        // The server is closing: that loop's sessions are being closed too. The other loops still get theirs.
      }
    }
    for (Attachment<?> a : attachments.values()) {
      a.run();
    }
  }

  /** On the loop: everything in order, then one flush per session (one write for many frames). */
  private static void writeAndFlush(List<Queued> queued) {
    Set<EngineSession> written = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Queued q : queued) {
      q.session().write(q.frames());
      written.add(q.session());
    }
    for (EngineSession s : written) {
      s.flush();
    }
  }
}
