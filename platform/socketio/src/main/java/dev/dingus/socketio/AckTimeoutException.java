package dev.dingus.socketio;

import java.util.concurrent.TimeoutException;

/** The client did not acknowledge an event in time, or disconnected before it did. */
public final class AckTimeoutException extends TimeoutException {
  /** @param message what was not acknowledged, and why */
  public AckTimeoutException(String message) {
    super(message);
  }
}
