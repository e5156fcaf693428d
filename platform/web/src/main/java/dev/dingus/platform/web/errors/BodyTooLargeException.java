package dev.dingus.platform.web.errors;

import java.io.IOException;

/** Thrown while reading a request body that grows past the configured limit (chunked bodies have no length). */
public class BodyTooLargeException extends IOException {
    public BodyTooLargeException(long limit) {
        super("The request body is larger than " + limit + " bytes.");
    }
}
