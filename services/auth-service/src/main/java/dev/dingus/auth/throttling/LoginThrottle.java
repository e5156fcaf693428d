package dev.dingus.auth.throttling;

import dev.dingus.auth.throttling.internal.WindowCounter;
import dev.dingus.platform.web.errors.RateLimitedException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import org.springframework.stereotype.Service;

/**
 * Slows down password guessing: at most {@code addressAttempts} login attempts per client address and
 * {@code accountFailures} failed logins per account in their windows; beyond that 429 with Retry-After.
 * Accounts are keyed by user id when the login names a user, else by a hash of the normalised login,
 * so unknown and known accounts behave alike and no email lands in Redis.
 */
@Service
public class LoginThrottle {
    private final WindowCounter counter;
    private final ThrottlingProperties props;

    public LoginThrottle(WindowCounter counter, ThrottlingProperties props) {
        this.counter = counter;
        this.props = props;
    }

    /** Counts a login attempt from {@code address}; throws once the address used up its attempts. */
    public void countAttemptFrom(String address) {
        WindowCounter.Count count = counter.increment(addressKey(address), props.addressWindow());
        if (count.value() > props.addressAttempts()) {
            throw new RateLimitedException("Too many login attempts from your address; try again later.", count.resetIn());
        }
    }

    /**
     * Counts a password attempt on the account as a failure until {@link #recordSuccess} takes it back, and throws
     * once the account used up its failures: before the password is checked, so a lock refuses the right password
     * too and reveals nothing. Counting in the same atomic step as the comparison is what stops parallel guesses:
     * a read before the check and an increment after it let every one of them through.
     */
    public void countAttemptOn(String accountKey) {
        WindowCounter.Count count = counter.increment(accountKeyOf(accountKey), props.accountWindow());
        if (count.value() > props.accountFailures()) {
            throw new RateLimitedException("Too many failed logins for this account; try again later.", count.resetIn());
        }
    }

    /** The password was right: the account's failures, this attempt included, are forgotten. */
    public void recordSuccess(String accountKey) {
        counter.reset(accountKeyOf(accountKey));
    }

    /** The account key for a login that names no user: the login itself, normalised and hashed. */
    public static String unknownAccount(String login) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(login.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return "login-" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String addressKey(String address) {
        return "auth:throttle:address:" + address;
    }

    private static String accountKeyOf(String accountKey) {
        return "auth:throttle:account:" + accountKey;
    }
}
