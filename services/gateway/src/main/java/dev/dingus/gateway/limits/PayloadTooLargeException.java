package dev.dingus.gateway.limits;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** A streamed (chunked) body went over the limit while being forwarded; becomes 413 {@code payload_too_large}. */
public class PayloadTooLargeException extends ResponseStatusException {
    public PayloadTooLargeException(long maxBytes) {
        super(HttpStatus.CONTENT_TOO_LARGE, "The request body is larger than the limit of " + maxBytes + " bytes.");
    }
}
