package dev.dingus.contracts.errors;

/** Stable machine-readable codes carried in the {@code code} field of every problem+json answer and error ack. */
public final class ErrorCodes {
    private ErrorCodes() {}

    // Generic request problems
    public static final String VALIDATION_FAILED = "validation_failed";
    public static final String MALFORMED_JSON = "malformed_json";
    public static final String PAYLOAD_TOO_LARGE = "payload_too_large";
    public static final String URI_TOO_LONG = "uri_too_long";
    public static final String HEADERS_TOO_LARGE = "headers_too_large";
    /** A request whose HTTP head cannot be parsed at all. */
    public static final String MALFORMED_REQUEST = "malformed_request";
    public static final String UNSUPPORTED_MEDIA_TYPE = "unsupported_media_type";
    public static final String METHOD_NOT_ALLOWED = "method_not_allowed";
    public static final String NOT_ACCEPTABLE = "not_acceptable";
    public static final String NOT_FOUND = "not_found";
    public static final String CONFLICT = "conflict";
    public static final String RATE_LIMITED = "rate_limited";
    public static final String INTERNAL_ERROR = "internal_error";
    public static final String SERVICE_UNAVAILABLE = "service_unavailable";

    // Authentication and authorization
    public static final String UNAUTHORIZED = "unauthorized";
    public static final String TOKEN_INVALID = "token_invalid";
    public static final String TOKEN_EXPIRED = "token_expired";
    public static final String SESSION_REVOKED = "session_revoked";
    public static final String FORBIDDEN = "forbidden";

    // auth-service
    public static final String USERNAME_TAKEN = "username_taken";
    public static final String EMAIL_TAKEN = "email_taken";
    public static final String INVALID_CREDENTIALS = "invalid_credentials";
    public static final String REFRESH_TOKEN_INVALID = "refresh_token_invalid";
    public static final String REFRESH_TOKEN_REUSED = "refresh_token_reused";
    public static final String USER_NOT_FOUND = "user_not_found";

    // room-service
    public static final String ROOM_NOT_FOUND = "room_not_found";
    public static final String NOT_A_MEMBER = "not_a_member";
    public static final String ALREADY_MEMBER = "already_member";
    public static final String ROOM_FULL = "room_full";
    public static final String TOO_MANY_ROOMS = "too_many_rooms";

    // message-service
    public static final String MESSAGE_NOT_FOUND = "message_not_found";
    public static final String MESSAGE_TOO_LONG = "message_too_long";
    public static final String MESSAGE_EMPTY = "message_empty";
    public static final String POSTING_NOT_ALLOWED = "posting_not_allowed";
    /** A search that ran longer than its time limit (422): narrower words or one room will do. */
    public static final String SEARCH_TOO_BROAD = "search_too_broad";
}
