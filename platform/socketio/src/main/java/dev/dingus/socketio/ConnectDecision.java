package dev.dingus.socketio;

/**
 * The answer of a {@link ConnectMiddleware}: let the client in (optionally attaching data to the
 * socket, e.g. the authenticated user), or refuse with a {@code connect_error} whose
 * {@code message} and {@code data} the client receives.
 */
public final class ConnectDecision {

  private static final ConnectDecision ACCEPT = new ConnectDecision(true, null, null);

  private final boolean accepted;
  private final String message;
  private final Object data;

  private ConnectDecision(boolean accepted, String message, Object data) {
    this.accepted = accepted;
    this.message = message;
    this.data = data;
  }

  /** Accept without attaching data. */
  public static ConnectDecision accept() {
    return ACCEPT;
  }

  /** Accept and attach {@code data} to the socket ({@link Socket#data()}). */
  public static ConnectDecision accept(Object data) {
    return new ConnectDecision(true, null, data);
  }

  /** Refuse with a message. */
  public static ConnectDecision reject(String message) {
    return reject(message, null);
  }

  /** Refuse with a message and JSON-serializable details ({@code err.data} on the client). */
  public static ConnectDecision reject(String message, Object data) {
    if (message == null || message.isEmpty()) {
      throw new IllegalArgumentException("a rejection needs a message");
    }
    return new ConnectDecision(false, message, data);
  }

  /** True for {@link #accept()} and {@link #accept(Object)}. */
  public boolean accepted() {
    return accepted;
  }

  /** The rejection message; {@code null} when accepted. */
  public String message() {
    return message;
  }

  /** Socket data when accepted, error details when rejected; may be {@code null}. */
  public Object data() {
    return data;
  }
}
