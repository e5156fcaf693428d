package dev.dingus.messages.ratelimit;

import dev.dingus.platform.web.errors.RateLimitedException;
import java.time.Duration;

/** Sends, edits and deletes share one budget per user. 429 {@code rate_limited} over HTTP; over Socket.IO the error also says how many milliseconds to wait. */
public class SendRateLimited extends RateLimitedException {
    private final long retryAfterMillis;

    public SendRateLimited(long retryAfterMillis) {
        super("Too many messages, edits or deletes in a short time; wait a moment.", Duration.ofMillis(retryAfterMillis));
        this.retryAfterMillis = retryAfterMillis;
    }

    public long retryAfterMillis() {
        return retryAfterMillis;
    }
}
