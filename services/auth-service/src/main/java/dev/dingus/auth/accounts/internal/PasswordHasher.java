package dev.dingus.auth.accounts.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * BCrypt over a SHA-256 digest of the password. BCrypt reads at most 72 bytes (Spring Security refuses longer
 * input), while we accept 128 characters of any script (up to 512 bytes); the 44-character digest keeps every
 * character significant. Stored hashes carry a scheme prefix so a later scheme can live next to this one.
 */
@Component
public class PasswordHasher {
    static final String SCHEME = "{sha256-bcrypt}";
    static final String NO_PASSWORD = "{none}";

    private final BCryptPasswordEncoder bcrypt;
    private final String dummyHash;

    @Autowired
    public PasswordHasher(PasswordProperties props) {
        this(new BCryptPasswordEncoder(props.bcryptStrength()));
    }

    PasswordHasher(BCryptPasswordEncoder bcrypt) {
        this.bcrypt = bcrypt;
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        this.dummyHash = hash(Base64.getEncoder().encodeToString(random));
    }

    public String hash(String password) {
        return SCHEME + bcrypt.encode(digest(password));
    }

    public boolean matches(String password, String stored) {
        if (password == null || stored == null || !stored.startsWith(SCHEME)) {
            // As slow as a real check: a quick "no" would tell that the account has no password (external sign-in).
            bcrypt.matches(digest(password == null ? "" : password), dummyHash.substring(SCHEME.length()));
            return false;
        }
        return bcrypt.matches(digest(password), stored.substring(SCHEME.length()));
    }

    /**
     * The same work as {@link #matches} for a login that names no user, so response times do not tell which
     * usernames and emails exist. Always false.
     */
    public boolean matchesNobody(String password) {
        matches(password == null ? "" : password, dummyHash);
        return false;
    }

    /**
     * A stored hash no password matches (its scheme is not ours), for accounts created by an external sign-in:
     * password login is impossible (no endpoint sets a first password yet). Random, so no two such accounts look alike.
     */
    public static String unusable() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return NO_PASSWORD + Base64.getEncoder().encodeToString(random);
    }

    private static String digest(String password) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
