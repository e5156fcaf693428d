package dev.dingus.messages.realtime;

import dev.dingus.platform.web.security.AuthenticatedUser;
import dev.dingus.socketio.Ack;
import dev.dingus.socketio.Args;
import dev.dingus.socketio.Socket;

/** A set of client events registered on every new socket. */
interface SocketEventGroup {
    void register(Socket socket);

    /** The body of one event handler; what it throws becomes an error answer ({@link SocketErrors}). */
    @FunctionalInterface
    interface Body {
        void handle(Socket socket, AuthenticatedUser user, Args args, Ack ack) throws Exception;
    }

    /** The fast path of an event, on the network thread: must not block; false hands the event to its {@link Body}. */
    @FunctionalInterface
    interface InlineBody {
        boolean tryHandle(Socket socket, AuthenticatedUser user, Args args, Ack ack) throws Exception;
    }

    /**
     * Registers {@code inline} as the fast path of {@code event} ({@code Socket#onInline}); what it throws becomes an
     * error answer, as from a {@link Body}. Sockets without a user yet go to the {@link Body}.
     */
    static void onInline(Socket socket, String event, InlineBody inline) {
        socket.onInline(event, (s, args, ack) -> {
            AuthenticatedUser user = userOf(s);
            if (user == null) {
                return false;
            }
            try {
                return inline.tryHandle(s, user, args, ack);
            } catch (Exception e) {
                SocketErrors.answer(ack, event, e);
                return true;
            }
        });
    }

    /** Registers {@code body} for {@code event}, with the socket's user and error answers. */
    static void on(Socket socket, String event, Body body) {
        socket.on(event, (s, args, ack) -> {
            try {
                body.handle(s, userOf(s), args, ack);
            } catch (Exception e) {
                SocketErrors.answer(ack, event, e);
            }
        });
    }

    /** The user this socket authenticated as (handshake, or a later {@code authenticate}). */
    static AuthenticatedUser userOf(Socket socket) {
        return socket.data(AuthenticatedUser.class);
    }
}
