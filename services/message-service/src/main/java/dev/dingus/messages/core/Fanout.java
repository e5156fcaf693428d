package dev.dingus.messages.core;

import java.util.UUID;

/**
 * How features reach sockets without knowing the Socket.IO server: an event to every socket in a room's
 * Socket.IO room ({@code room:<id>}) or of a user ({@code user:<id>}), on every node. Never blocks.
 */
public interface Fanout {
    void toRoom(UUID roomId, String event, Object payload);

    void toUser(UUID userId, String event, Object payload);

    /**
     * Runs {@code work} and sends what it sends to sockets (events, acks) together when it ends: one hand-off per
     * event loop and one Redis command, instead of one per message and recipient. Order per socket is kept.
     */
    void together(Runnable work);
}
