package dev.dingus.platform.web.errors;

import dev.dingus.contracts.errors.ErrorCodes;
import jakarta.validation.ConstraintViolationException;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every failure into problem+json with a stable {@code code}: Spring MVC's own exceptions
 * (malformed JSON, validation, unknown route, wrong method or media type), {@link ApiException}s, text the
 * database cannot store as a 400, and, as a last resort, anything unexpected as a 500 {@code internal_error} whose
 * details stay in the log.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
    private static final Set<String> UNSTORABLE_TEXT_STATES = Set.of("22021", "22P05");

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> api(ApiException e) {
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(e.status());
        if (e instanceof RateLimitedException limited) {
            builder.header(HttpHeaders.RETRY_AFTER, Long.toString(limited.retryAfterSeconds()));
        }
        return builder.body(Problems.of(e.status(), e.code(), e.getMessage()));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraint(ConstraintViolationException e) {
        List<Map<String, String>> errors = e.getConstraintViolations().stream()
                .map(v -> Map.of("field", lastNode(v.getPropertyPath().toString()), "message", v.getMessage()))
                .toList();
        return ResponseEntity.badRequest().body(Problems.withErrors(
                Problems.of(HttpStatus.BAD_REQUEST, ErrorCodes.VALIDATION_FAILED, "The request is not valid."), errors));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        return ResponseEntity.badRequest().body(Problems.withErrors(
                Problems.of(HttpStatus.BAD_REQUEST, ErrorCodes.VALIDATION_FAILED, "The request is not valid."),
                List.of(Map.of("field", e.getName(), "message", "has the wrong format"))));
    }

    /**
     * A safety net under input validation: text PostgreSQL refuses to store (a NUL, SQL state 22021
     * character_not_in_repertoire; a character the database encoding lacks, 22P05 untranslatable_character) is the
     * client's error, not ours. Logged without the text, so that the field that lacks validation gets found.
     */
    @ExceptionHandler(DataAccessException.class)
    ResponseEntity<ProblemDetail> dataAccess(DataAccessException e) {
        String state = unstorableTextState(e);
        if (state == null) {
            return unexpected(e);
        }
        log.warn("Refused text the database cannot store (SQL state {}): some field lacks input validation", state);
        return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, ErrorCodes.VALIDATION_FAILED,
                "The request contains characters that cannot be stored, such as NUL or other control characters."));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("Unhandled exception", e);
        return ResponseEntity.internalServerError().body(
                Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, ErrorCodes.INTERNAL_ERROR, "Something went wrong on our side."));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> Map.of("field", f.getField(), "message", String.valueOf(f.getDefaultMessage())))
                .toList();
        ProblemDetail body = Problems.withErrors(
                Problems.of(HttpStatus.BAD_REQUEST, ErrorCodes.VALIDATION_FAILED, "The request is not valid."), errors);
        return ResponseEntity.badRequest().headers(headers).body(body);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(err -> Map.of(
                        "field", String.valueOf(r.getMethodParameter().getParameterName()),
                        "message", String.valueOf(err.getDefaultMessage()))))
                .toList();
        ProblemDetail body = Problems.withErrors(
                Problems.of(HttpStatus.BAD_REQUEST, ErrorCodes.VALIDATION_FAILED, "The request is not valid."), errors);
        return ResponseEntity.badRequest().headers(headers).body(body);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        // Jackson 3 wraps the stream's IOException (JacksonIOException), so look down the whole cause chain.
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyTooLargeException tooLarge) {
                return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).headers(headers)
                        .body(Problems.of(HttpStatus.CONTENT_TOO_LARGE, ErrorCodes.PAYLOAD_TOO_LARGE, tooLarge.getMessage()));
            }
        }
        return ResponseEntity.badRequest().headers(headers).body(Problems.of(HttpStatus.BAD_REQUEST,
                ErrorCodes.MALFORMED_JSON, "The request body is missing or is not valid JSON of the expected shape."));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        if (body instanceof ProblemDetail problem && problem.getProperties() != null && problem.getProperties().containsKey("code")) {
            return super.handleExceptionInternal(e, body, headers, status, request);
        }
        String detail = e instanceof ErrorResponse er && er.getBody().getDetail() != null ? er.getBody().getDetail() : e.getMessage();
        return super.handleExceptionInternal(e, Problems.of(status, codeFor(e, status), detail), headers, status, request);
    }

    private static String codeFor(Exception e, HttpStatusCode status) {
        if (e instanceof NoResourceFoundException) return ErrorCodes.NOT_FOUND;
        if (e instanceof HttpRequestMethodNotSupportedException) return ErrorCodes.METHOD_NOT_ALLOWED;
        if (e instanceof HttpMediaTypeNotSupportedException) return ErrorCodes.UNSUPPORTED_MEDIA_TYPE;
        if (e instanceof HttpMediaTypeNotAcceptableException) return ErrorCodes.NOT_ACCEPTABLE;
        if (e instanceof MaxUploadSizeExceededException) return ErrorCodes.PAYLOAD_TOO_LARGE;
        return switch (status.value()) {
            case 400 -> ErrorCodes.VALIDATION_FAILED;
            case 404 -> ErrorCodes.NOT_FOUND;
            case 405 -> ErrorCodes.METHOD_NOT_ALLOWED;
            case 413 -> ErrorCodes.PAYLOAD_TOO_LARGE;
            case 415 -> ErrorCodes.UNSUPPORTED_MEDIA_TYPE;
            case 503 -> ErrorCodes.SERVICE_UNAVAILABLE;
            default -> status.is4xxClientError() ? ErrorCodes.VALIDATION_FAILED : ErrorCodes.INTERNAL_ERROR;
        };
    }

    /** The SQL state of unstorable text anywhere in the cause chain (batches chain theirs as next exceptions). */
    private static String unstorableTextState(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                for (SQLException next = sql; next != null; next = next.getNextException()) {
                    if (UNSTORABLE_TEXT_STATES.contains(next.getSQLState())) {
                        return next.getSQLState();
                    }
                }
            }
        }
        return null;
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
