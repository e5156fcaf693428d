package dev.dingus.messages.realtime;

import dev.dingus.contracts.errors.ErrorCodes;
import dev.dingus.messages.ratelimit.SendRateLimited;
import dev.dingus.platform.web.errors.ApiException;
import dev.dingus.socketio.Ack;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every failure of a client event becomes {@code {success:false, error:{code, message}}}: as the ack when
 * the client passed a callback, else as an {@code error} event. Never silence, never a dropped connection.
 */
final class SocketErrors {
    private static final Logger log = LoggerFactory.getLogger(SocketErrors.class);

    private SocketErrors() {}

    static void answer(Ack ack, String event, Throwable failure) {
        Throwable e = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (e instanceof SendRateLimited limited && ack.requested()) {
            ack.send(Map.of("success", false, "error", Map.of("code", limited.code(), "message", limited.getMessage(),
                    "retryAfterMs", limited.retryAfterMillis())));
        } else if (e instanceof ApiException api) {
            ack.fail(api.code(), api.getMessage());
        } else {
            log.error("Socket event '{}' failed", event, e);
            ack.fail(ErrorCodes.INTERNAL_ERROR, "The server could not handle '" + event + "'.");
        }
    }
}
