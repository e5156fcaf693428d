package dev.dingus.auth.accounts.internal;

import dev.dingus.auth.oidc.ExternalIdentity;
import dev.dingus.auth.oidc.ExternalSignIns;
import dev.dingus.auth.oidc.OidcErrors;
import dev.dingus.auth.sessions.OpenedSession;
import dev.dingus.auth.sessions.Sessions;
import dev.dingus.auth.throttling.LoginThrottle;
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
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Sign-in with an external provider: the verified identity (provider, subject) signs in to the account it is
 * linked to; the first time it is linked to the account with its email (only if the provider vouches for the
 * address) or a new, password-less account is created and announced ({@code user.registered}).
 */
@Service
class OidcSignInService {
    private static final int USERNAME_ATTEMPTS = 10;
    private static final Pattern EMAIL = Pattern.compile(UserLimits.EMAIL_PATTERN);
    private static final Pattern AVATAR_URL = Pattern.compile(UserLimits.AVATAR_URL_PATTERN);

    private final ExternalSignIns external;
    private final UserRepository users;
    private final OidcIdentityRepository identities;
    private final Sessions sessions;
    private final LoginThrottle throttle;
    private final Outbox outbox;
    private final TransactionOperations tx;
    private final SignInService signIn;
    private final Clock clock = Clock.systemUTC();

    OidcSignInService(ExternalSignIns external, UserRepository users, OidcIdentityRepository identities, Sessions sessions,
            LoginThrottle throttle, Outbox outbox, TransactionOperations tx, SignInService signIn) {
        this.external = external;
        this.users = users;
        this.identities = identities;
        this.sessions = sessions;
        this.throttle = throttle;
        this.outbox = outbox;
        this.tx = tx;
        this.signIn = signIn;
    }

    private record SignedIn(UserRow user, OpenedSession session) {}

    AuthResponse signIn(OidcSignInRequest request, String clientAddress) {
        // Counted like password logins: every attempt may cost a JWKS or userinfo round trip.
        throttle.countAttemptFrom(clientAddress);
        ExternalIdentity identity = external.verify(request.provider(), request.idToken(), request.accessToken());
        SignedIn result;
        try {
            result = tx.execute(status -> signInAs(identity));
        } catch (DuplicateKeyException | ApiException e) {
            // A concurrent first sign-in (same identity, username or email) committed first: once more, now it sees it.
            if (e instanceof ApiException api && !isTaken(api)) {
                throw api;
            }
            result = tx.execute(status -> signInAs(identity));
        }
        return signIn.respond(result.user().toView(true), result.session());
    }

    private SignedIn signInAs(ExternalIdentity identity) {
        Optional<UUID> linked = identities.findUser(identity.provider(), identity.subject());
        if (linked.isPresent()) {
            UserRow user = users.findById(linked.get()).orElseThrow(() -> ApiException.unauthorized(
                    ErrorCodes.INVALID_CREDENTIALS, "The account of this identity no longer exists."));
            return new SignedIn(user, sessions.open(user.id()));
        }
        String email = usableEmail(identity);
        Optional<UserRow> existing = users.findByLogin(email);
        UserRow user;
        boolean vouched = Boolean.TRUE.equals(identity.emailVerified());
        if (existing.isPresent()) {
            // Linking hands the account over to whoever controls this identity. Both sides must own the address:
            // the provider vouches for it now, and one did when the account got it (registration checks nothing,
            // so anyone could have registered somebody else's address to catch their later sign-in).
            if (!vouched || !users.emailVerified(existing.get().id())) {
                throw ApiException.conflict(ErrorCodes.EMAIL_TAKEN, "An account with this email exists already, and "
                        + "nothing shows that it is yours: sign in to that account with its password.");
            }
            user = existing.get();
        } else {
            user = create(identity, email);
            if (vouched) {
                users.markEmailVerified(user.id());
            }
        }
        identities.link(identity.provider(), identity.subject(), user.id());
        return new SignedIn(user, sessions.open(user.id()));
    }

    private UserRow create(ExternalIdentity identity, String email) {
        String base = ExternalUsernames.base(identity.preferredUsername(), email);
        String username = null;
        for (int attempt = 0; attempt < USERNAME_ATTEMPTS && username == null; attempt++) {
            String candidate = ExternalUsernames.candidate(base, attempt);
            if (!users.usernameExists(candidate)) {
                username = candidate;
            }
        }
        if (username == null) {
            throw UserRepository.usernameTaken();
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        UserRow row = new UserRow(UUID.randomUUID(), username, email, PasswordHasher.unusable(),
                displayName(identity.name()), avatarUrl(identity.picture()), null, now);
        users.insert(row);
        outbox.publish(EventTypes.USER_REGISTERED, new UserRegistered(row.id(), row.username(), row.displayName(), now));
        return row;
    }

    /** The email an account may be created or found with: present, well-formed and not disowned by the provider. */
    private static String usableEmail(ExternalIdentity identity) {
        String email = identity.email() == null ? null : identity.email().trim();
        if (email == null || email.length() > UserLimits.EMAIL_MAX || !EMAIL.matcher(email).matches()) {
            throw ApiException.badRequest(OidcErrors.EMAIL_MISSING,
                    "The provider shared no email address; allow Dingus to read it and try again.");
        }
        if (Boolean.FALSE.equals(identity.emailVerified())) {
            throw new ApiException(HttpStatus.FORBIDDEN, OidcErrors.EMAIL_UNVERIFIED,
                    "The provider has not verified this email address; verify it there first.");
        }
        return email;
    }

    private static String displayName(String name) {
        if (name == null) {
            return null;
        }
        String cleaned = name.replaceAll("\\p{Cntrl}", "").strip();
        if (cleaned.length() > UserLimits.DISPLAY_NAME_MAX) {
            cleaned = cleaned.substring(0, UserLimits.DISPLAY_NAME_MAX).strip();
        }
        return cleaned.isEmpty() ? null : cleaned;
    }

    private static String avatarUrl(String picture) {
        return picture != null && picture.length() <= UserLimits.AVATAR_URL_MAX && AVATAR_URL.matcher(picture).matches()
                && !picture.isEmpty() ? picture : null;
    }

    private static boolean isTaken(ApiException e) {
        return e.status() == HttpStatus.CONFLICT
                && (ErrorCodes.USERNAME_TAKEN.equals(e.code()) || ErrorCodes.EMAIL_TAKEN.equals(e.code()));
    }
}
