package dev.dingus.auth.friends.internal;

import dev.dingus.platform.web.errors.ApiException;
import java.time.Duration;

/** The friends feature's own problem codes (documented in docs/api.md, auth-service section). */
final class FriendErrors {
    private FriendErrors() {}

    static final String FRIEND_SELF = "friend_self";
    static final String FRIEND_REQUEST_NOT_FOUND = "friend_request_not_found";
    static final String FRIEND_NOT_FOUND = "friend_not_found";
    static final String TOO_MANY_FRIENDS = "too_many_friends";
    static final String TOO_MANY_FRIEND_REQUESTS = "too_many_friend_requests";
    static final String FRIEND_REQUEST_DECLINED = "friend_request_declined";

    static ApiException self() {
        return ApiException.badRequest(FRIEND_SELF, "You cannot befriend yourself.");
    }

    static ApiException noRequest() {
        return ApiException.notFound(FRIEND_REQUEST_NOT_FOUND, "This user has not asked to be your friend.");
    }

    static ApiException noFriend() {
        return ApiException.notFound(FRIEND_NOT_FOUND, "This user is neither your friend nor asked by you.");
    }

    static ApiException tooManyFriends(int max) {
        return ApiException.conflict(TOO_MANY_FRIENDS, "You have " + max
                + " friends and open requests, the most allowed; remove some first.");
    }

    static ApiException otherHasTooManyFriends(int max) {
        return ApiException.conflict(TOO_MANY_FRIENDS, "This user has " + max
                + " friends and open requests, the most allowed.");
    }

    static ApiException tooManyRequests(int max) {
        return ApiException.conflict(TOO_MANY_FRIEND_REQUESTS, "You have " + max
                + " requests waiting for an answer, the most allowed; withdraw some or wait.");
    }

    static ApiException declinedRecently(Duration cooldown) {
        return ApiException.conflict(FRIEND_REQUEST_DECLINED, "This user declined your request; you can ask again "
                + cooldown.toHours() + " h after that.");
    }
}
