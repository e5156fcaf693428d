package dev.dingus.platform.web.errors;

import dev.dingus.contracts.errors.ErrorCodes;
import java.time.Duration;
import org.springframework.http.HttpStatus;

/** 429 with a {@code Retry-After} header of whole seconds (at least one). */
public class RateLimitedException extends ApiException {
    private final Duration retryAfter;

    public RateLimitedException(String message, Duration retryAfter) {
        super(HttpStatus.TOO_MANY_REQUESTS, ErrorCodes.RATE_LIMITED, message);
        this.retryAfter = retryAfter;
    }

    public long retryAfterSeconds() { return Math.max(1, (retryAfter.toMillis() + 999) / 1000); }
}
