package dev.dingus.socketio;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The client's acknowledgement callback for one event. Answer at most once (later calls are
 * ignored); may be called from any thread, later, e.g. after a database commit.
 */
public final class Ack {

  private final Socket socket;
  private final long id;
  private final AtomicBoolean sent = new AtomicBoolean();

  Ack(Socket socket, long id) {
    this.socket = socket;
    this.id = id;
  }

  /** True when the client passed a callback and expects an answer. */
  public boolean requested() {
    return id >= 0;
  }

  /** True once an answer went out. */
  public boolean sent() {
    return sent.get();
  }

  /** Sends the answer; ignored when the client asked for none or it was already sent. */
  public void send(Object... args) {
    if (requested() && sent.compareAndSet(false, true)) {
      socket.sendAck(id, args);
    }
  }

  /**
   * Answers {@code {success:false, error:{code, message}}} (the Dingus error shape) as ack when the
   * client asked for one, otherwise as an {@code error} event.
   */
  public void fail(String code, String message) {
    Map<String, Object> body = Map.of("success", false, "error", Map.of("code", code, "message", message));
    if (requested()) {
      send(body);
    } else if (sent.compareAndSet(false, true)) {
      socket.emit("error", body);
    }
  }
}
