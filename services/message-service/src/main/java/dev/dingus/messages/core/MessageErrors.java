package dev.dingus.messages.core;

import dev.dingus.contracts.errors.ErrorCodes;
import dev.dingus.platform.web.errors.ApiException;
import org.springframework.http.HttpStatus;

/** The failures of message-service, with their stable codes (the same over HTTP and Socket.IO). */
public final class MessageErrors {
    private MessageErrors() {}

    /** Unknown rooms, and rooms a non-member may not even know of (private rooms, DMs): no data leak. */
    public static ApiException roomNotFound() {
        return ApiException.notFound(ErrorCodes.ROOM_NOT_FOUND, "There is no such room.");
    }

    /** A public room the caller has not joined: it exists and may be joined through room-service. */
    public static ApiException notAMember() {
        return ApiException.forbidden(ErrorCodes.NOT_A_MEMBER, "Join the room first.");
    }

    public static ApiException postingNotAllowed() {
        return ApiException.forbidden(ErrorCodes.POSTING_NOT_ALLOWED, "Only the room's owner and admins may post here.");
    }

    public static ApiException messageNotFound() {
        return ApiException.notFound(ErrorCodes.MESSAGE_NOT_FOUND, "There is no such message.");
    }

    public static ApiException messageDeleted() {
        return ApiException.conflict(ErrorCodes.CONFLICT, "The message was deleted.");
    }

    public static ApiException notTheSender() {
        return ApiException.forbidden(ErrorCodes.FORBIDDEN, "Only the sender may edit a message.");
    }

    public static ApiException mayNotDelete() {
        return ApiException.forbidden(ErrorCodes.FORBIDDEN, "Only the sender or the room's owner and admins may delete a message.");
    }

    public static ApiException messageEmpty() {
        return ApiException.badRequest(ErrorCodes.MESSAGE_EMPTY, "The message is empty.");
    }

    public static ApiException messageTooLong(int max) {
        return ApiException.badRequest(ErrorCodes.MESSAGE_TOO_LONG, "A message has at most " + max + " characters.");
    }

    public static ApiException busy() {
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, ErrorCodes.SERVICE_UNAVAILABLE,
                "The server is busy; try again in a moment.");
    }

    public static ApiException storageUnavailable() {
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, ErrorCodes.SERVICE_UNAVAILABLE,
                "The message could not be stored; it was not sent. Try again.");
    }
}
