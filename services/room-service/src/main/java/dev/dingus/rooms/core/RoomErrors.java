package dev.dingus.rooms.core;

import dev.dingus.contracts.errors.ErrorCodes;
import dev.dingus.platform.web.errors.ApiException;

/** The 4xx answers of room-service, worded once. A room the caller may not see is "not found", never "forbidden". */
public final class RoomErrors {
    private RoomErrors() {}

    public static ApiException roomNotFound() {
        return ApiException.notFound(ErrorCodes.ROOM_NOT_FOUND, "No such room.");
    }

    public static ApiException notAMember(String detail) {
        return ApiException.notFound(ErrorCodes.NOT_A_MEMBER, detail);
    }

    public static ApiException userNotFound() {
        return ApiException.notFound(ErrorCodes.USER_NOT_FOUND, "No such user.");
    }
}
