package dev.dingus.auth.friends.internal;

import dev.dingus.auth.accounts.UserView;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Request and answer records of the friends API. */
final class FriendViews {
    private FriendViews() {}

    /** A friend or a request: the other user and since when (accepted, or asked). */
    @Schema(name = "Friend")
    record Friend(UserView user, Instant since) {}

    @Schema(name = "FriendList")
    record FriendList(List<Friend> friends, List<Friend> incoming, List<Friend> outgoing) {}

    @Schema(name = "FriendRequest")
    record FriendRequestBody(@NotNull(message = "is required") UUID userId) {}

    /** After a request: {@code pending} (waiting for the other) or {@code accepted} (they had asked you too). */
    @Schema(name = "FriendRequestResult")
    record FriendRequestResult(@Schema(allowableValues = {"pending", "accepted"}) String status, UserView user, Instant since) {}
}
