package dev.dingus.gateway.errors;

import dev.dingus.contracts.errors.ErrorCodes;
import io.netty.channel.ConnectTimeoutException;
import java.io.IOException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.web.server.ResponseStatusException;

/** Which status, code and detail an exception at the edge becomes. Pure, so it is tested without a server. */
public final class ProblemMapping {
    private ProblemMapping() {}

    public record Mapped(HttpStatusCode status, String code, String detail) {
        boolean upstreamFailure() {
            return ErrorCodes.SERVICE_UNAVAILABLE.equals(code);
        }
    }

    /** @param upstream the name of the route's service, or null when the request has no route yet */
    public static Mapped map(Throwable error, String upstream) {
        String who = upstream != null ? upstream : "The upstream service";
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof ResponseStatusException status) {
                return fromStatus(status, who);
            }
            if (t instanceof ConnectTimeoutException) {
                return new Mapped(HttpStatus.GATEWAY_TIMEOUT, ErrorCodes.SERVICE_UNAVAILABLE,
                        who + " did not accept the connection in time; try again shortly.");
            }
            if (t instanceof ConnectException) {
                return new Mapped(HttpStatus.SERVICE_UNAVAILABLE, ErrorCodes.SERVICE_UNAVAILABLE,
                        who + " is unavailable; try again shortly.");
            }
            if (t instanceof TimeoutException) {
                return new Mapped(HttpStatus.GATEWAY_TIMEOUT, ErrorCodes.SERVICE_UNAVAILABLE,
                        who + " did not answer in time; try again shortly.");
            }
            if (t instanceof AuthenticationServiceException) {
                return new Mapped(HttpStatus.SERVICE_UNAVAILABLE, ErrorCodes.SERVICE_UNAVAILABLE,
                        "Access tokens cannot be verified right now (the signing keys are unreachable); try again shortly.");
            }
            if (t instanceof IOException) {
                return new Mapped(HttpStatus.BAD_GATEWAY, ErrorCodes.SERVICE_UNAVAILABLE,
                        who + " broke off the answer; try again shortly.");
            }
        }
        return new Mapped(HttpStatus.INTERNAL_SERVER_ERROR, ErrorCodes.INTERNAL_ERROR,
                "Something went wrong in the gateway; the request id identifies it in the logs.");
    }

    private static Mapped fromStatus(ResponseStatusException e, String who) {
        HttpStatusCode status = e.getStatusCode();
        String reason = e.getReason();
        return switch (status.value()) {
            case 400 -> new Mapped(status, ErrorCodes.VALIDATION_FAILED, orElse(reason, "The request is not valid."));
            case 401 -> new Mapped(status, ErrorCodes.UNAUTHORIZED, "Sign in first: this endpoint needs an access token.");
            case 403 -> new Mapped(status, ErrorCodes.FORBIDDEN, "This request is not allowed.");
            case 404 -> new Mapped(status, ErrorCodes.NOT_FOUND, "There is no such endpoint.");
            case 405 -> new Mapped(status, ErrorCodes.METHOD_NOT_ALLOWED, "This method is not allowed here.");
            case 406 -> new Mapped(status, ErrorCodes.NOT_ACCEPTABLE, "No acceptable representation.");
            case 413 -> new Mapped(status, ErrorCodes.PAYLOAD_TOO_LARGE, orElse(reason, "The request body is too large."));
            case 415 -> new Mapped(status, ErrorCodes.UNSUPPORTED_MEDIA_TYPE, "This content type is not supported.");
            case 429 -> new Mapped(status, ErrorCodes.RATE_LIMITED, "Too many requests; slow down.");
            case 502, 503 -> new Mapped(status, ErrorCodes.SERVICE_UNAVAILABLE, who + " is unavailable; try again shortly.");
            case 504 -> new Mapped(status, ErrorCodes.SERVICE_UNAVAILABLE, who + " did not answer in time; try again shortly.");
            default -> status.is4xxClientError()
                    ? new Mapped(status, ErrorCodes.VALIDATION_FAILED, orElse(reason, "The request is not valid."))
                    : new Mapped(HttpStatus.INTERNAL_SERVER_ERROR, ErrorCodes.INTERNAL_ERROR,
                            "Something went wrong in the gateway; the request id identifies it in the logs.");
        };
    }

    private static String orElse(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
