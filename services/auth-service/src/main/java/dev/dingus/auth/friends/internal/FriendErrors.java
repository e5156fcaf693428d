package dev.dingus.auth.friends.internal;

import dev.dingus.platform.web.errors.ApiException;

/** The friends feature's own problem codes (documented in docs/api.md, auth-service section). */
final class FriendErrors {
    private FriendErrors() {}

    static final String FRIEND_SELF = "friend_self";
    static final String FRIEND_REQUEST_NOT_FOUND = "friend_request_not_found";
    static final String FRIEND_NOT_FOUND = "friend_not_found";

    static ApiException self() {
        return ApiException.badRequest(FRIEND_SELF, "You cannot befriend yourself.");
    }

    static ApiException noRequest() {
        return ApiException.notFound(FRIEND_REQUEST_NOT_FOUND, "This user has not asked to be your friend.");
    }

    static ApiException noFriend() {
        return ApiException.notFound(FRIEND_NOT_FOUND, "This user is neither your friend nor asked by you.");
    }
}
