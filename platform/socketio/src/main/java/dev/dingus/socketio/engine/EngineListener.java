package dev.dingus.socketio.engine;

/** Receives the sessions an {@link EngineServer} opens. */
public interface EngineListener {

  /**
   * Called on the session's event loop once a session is open; returns who handles its packets.
   * Must not block.
   */
  SessionHandler onOpen(EngineSession session);

  /** Packets and the end of one session, always called on the session's event loop, in order. */
  interface SessionHandler {
    /** A text {@code message} packet, without its type character. */
    void onMessage(String text);

    /** A binary {@code message} packet. */
    void onBinary(byte[] data);

    /** The session is gone; {@code reason} is an Engine.IO close reason such as {@code ping timeout}. */
    void onClose(String reason);
  }
}
