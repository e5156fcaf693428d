package dev.dingus.auth.accounts.internal;

import dev.dingus.auth.accounts.UserView;
import dev.dingus.auth.sessions.OpenedSession;
import dev.dingus.auth.sessions.Sessions;
import dev.dingus.auth.throttling.LoginThrottle;
import dev.dingus.auth.tokens.AccessTokens;
import dev.dingus.auth.tokens.IssuedAccessToken;
import dev.dingus.contracts.errors.ErrorCodes;
import dev.dingus.contracts.events.EventTypes;
import dev.dingus.contracts.events.UserRegistered;
import dev.dingus.platform.events.outbox.Outbox;
import dev.dingus.platform.web.errors.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/** Register, login, refresh, logout: accounts combined with sessions, tokens and throttling. */
@Service
class SignInService {
    private final UserRepository users;
    private final PasswordHasher passwords;
    private final Sessions sessions;
    private final AccessTokens accessTokens;
    private final LoginThrottle throttle;
    private final Outbox outbox;
    private final TransactionOperations tx;
    private final Clock clock = Clock.systemUTC();

    SignInService(UserRepository users, PasswordHasher passwords, Sessions sessions, AccessTokens accessTokens,
            LoginThrottle throttle, Outbox outbox, TransactionOperations tx) {
        this.users = users;
        this.passwords = passwords;
        this.sessions = sessions;
        this.accessTokens = accessTokens;
        this.throttle = throttle;
        this.outbox = outbox;
        this.tx = tx;
    }

    /** Creates the account, announces it ({@code user.registered}) and opens its first session, all in one transaction. */
    AuthResponse register(RegisterRequest request) {
        // Cheap checks first, so a taken name costs no BCrypt work; the unique indexes still decide races.
        if (users.usernameExists(request.username())) {
            throw UserRepository.usernameTaken();
        }
        if (users.emailExists(request.email())) {
            throw UserRepository.emailTaken();
        }
        String hash = passwords.hash(request.password());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String displayName = blankToNull(request.displayName());
        UserRow row = new UserRow(UUID.randomUUID(), request.username(), request.email(), hash, displayName, null, null, now);
        OpenedSession session = tx.execute(status -> {
            users.insert(row);
            outbox.publish(EventTypes.USER_REGISTERED, new UserRegistered(row.id(), row.username(), row.displayName(), now));
            return sessions.open(row.id());
        });
        return respond(row.toView(true), session);
    }

    /**
     * Checks the password of the user named by {@code login} (username or email). Unknown users and wrong
     * passwords get the same answer after the same work; attempts are throttled per address and per account.
     */
    AuthResponse login(LoginRequest request, String clientAddress) {
        throttle.countAttemptFrom(clientAddress);
        String login = request.login().trim();
        Optional<UserRow> user = users.findByLogin(login);
        String accountKey = user.map(u -> u.id().toString()).orElseGet(() -> LoginThrottle.unknownAccount(login));
        throttle.countAttemptOn(accountKey);
        boolean valid = user.isPresent()
                ? passwords.matches(request.password(), user.get().passwordHash())
                : passwords.matchesNobody(request.password());
        if (!valid) {
            throw ApiException.unauthorized(ErrorCodes.INVALID_CREDENTIALS, "The login or the password is wrong.");
        }
        throttle.recordSuccess(accountKey);
        OpenedSession session = sessions.open(user.get().id());
        return respond(user.get().toView(true), session);
    }

    /** Rotates the refresh token and issues a fresh access token for the same session. */
    AuthResponse refresh(String refreshToken) {
        OpenedSession session = sessions.rotate(refreshToken);
        UserRow user = users.findById(session.userId()).orElseThrow(() -> ApiException.unauthorized(
                ErrorCodes.REFRESH_TOKEN_INVALID, "The account of this session no longer exists."));
        return respond(user.toView(true), session);
    }

    void logout(UUID userId, UUID sessionId) {
        sessions.end(sessionId, userId);
    }

    UserView me(UUID userId) {
        return users.findById(userId).map(u -> u.toView(true)).orElseThrow(() -> ApiException.notFound(
                ErrorCodes.USER_NOT_FOUND, "This account no longer exists."));
    }

    AuthResponse respond(UserView user, OpenedSession session) {
        IssuedAccessToken access = accessTokens.issue(user.id(), user.username(), session.sessionId());
        return AuthResponse.of(user, access, session, clock.instant());
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
