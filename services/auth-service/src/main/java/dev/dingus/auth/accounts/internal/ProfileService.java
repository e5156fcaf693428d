package dev.dingus.auth.accounts.internal;

import dev.dingus.auth.accounts.UserView;
import dev.dingus.auth.sessions.Sessions;
import dev.dingus.auth.throttling.LoginThrottle;
import dev.dingus.contracts.errors.ErrorCodes;
import dev.dingus.contracts.events.EventTypes;
import dev.dingus.contracts.events.UserUpdated;
import dev.dingus.platform.events.outbox.Outbox;
import dev.dingus.platform.web.errors.ApiException;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/** The owner's profile and password, and looking users up. */
@Service
class ProfileService {
    private final UserRepository users;
    private final PasswordHasher passwords;
    private final Sessions sessions;
    private final LoginThrottle throttle;
    private final Outbox outbox;
    private final TransactionOperations tx;

    ProfileService(UserRepository users, PasswordHasher passwords, Sessions sessions, LoginThrottle throttle, Outbox outbox,
            TransactionOperations tx) {
        this.users = users;
        this.passwords = passwords;
        this.sessions = sessions;
        this.throttle = throttle;
        this.outbox = outbox;
        this.tx = tx;
    }

    /** Changes the given fields and announces the new public profile ({@code user.updated}). */
    UserView update(UUID userId, ProfileUpdateRequest request) {
        if (request.changesNothing()) {
            return owner(userId);
        }
        UserRow updated = tx.execute(status -> {
            UserRow row = users.updateProfile(userId, trim(request.displayName()), trim(request.avatarUrl()),
                    trim(request.statusText())).orElseThrow(ProfileService::gone);
            outbox.publish(EventTypes.USER_UPDATED, new UserUpdated(row.id(), row.username(), row.displayName(),
                    row.avatarUrl(), row.statusText()));
            return row;
        });
        return updated.toView(true);
    }

    /**
     * Replaces the password after checking the current one, and ends every other session of the user (a
     * password change is what one does after a device was lost). Wrong guesses count as failed logins.
     */
    void changePassword(UUID userId, UUID currentSession, PasswordChangeRequest request) {
        UserRow user = users.findById(userId).orElseThrow(ProfileService::gone);
        String accountKey = userId.toString();
        throttle.countAttemptOn(accountKey);
        if (!passwords.matches(request.currentPassword(), user.passwordHash())) {
            // 403, not 401: the access token is fine, so clients must not treat this as "sign in again".
            throw new ApiException(HttpStatus.FORBIDDEN, ErrorCodes.INVALID_CREDENTIALS, "The current password is wrong.");
        }
        // The right password, whatever happens to the change itself: it was no guess.
        throttle.recordSuccess(accountKey);
        String hash = passwords.hash(request.newPassword());
        tx.executeWithoutResult(status -> {
            users.updatePasswordHash(userId, hash);
            sessions.endAllExcept(userId, currentSession, "password_changed");
        });
    }

    UserView owner(UUID userId) {
        return users.findById(userId).map(u -> u.toView(true)).orElseThrow(ProfileService::gone);
    }

    /** Anyone's public view; the caller's own includes the email. */
    UserView view(UUID userId, UUID caller) {
        return users.findById(userId).map(u -> u.toView(u.id().equals(caller))).orElseThrow(() -> ApiException.notFound(
                ErrorCodes.USER_NOT_FOUND, "No user with this id."));
    }

    List<UserView> search(String query, int limit) {
        return users.searchByPrefix(query.trim(), limit).stream().map(u -> u.toView(false)).toList();
    }

    List<UserView> batch(List<UUID> ids) {
        return users.findAllByIds(ids.stream().distinct().toList()).stream().map(u -> u.toView(false)).toList();
    }

    private static String trim(String value) {
        return value == null ? null : value.trim();
    }

    private static ApiException gone() {
        return ApiException.notFound(ErrorCodes.USER_NOT_FOUND, "This account no longer exists.");
    }
}
