package dev.dingus.auth.accounts.internal;

import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A valid username (3–32 of {@code [A-Za-z0-9_.-]}) derived from what a provider tells about a person; the
 * suffixed variants are tried when the plain one is taken.
 */
final class ExternalUsernames {
    private ExternalUsernames() {}

    /** From {@code preferred_username} (its local part if it is an email), else the email's local part. */
    static String base(String preferredUsername, String email) {
        String from = preferredUsername != null && !preferredUsername.isBlank() ? preferredUsername : email;
        if (from == null) {
            from = "";
        }
        int at = from.indexOf('@');
        if (at >= 0) {
            from = from.substring(0, at);
        }
        String cleaned = from.strip().replaceAll("\\s+", "_").replaceAll("[^A-Za-z0-9_.-]", "");
        if (cleaned.length() > UserLimits.USERNAME_MAX) {
            cleaned = cleaned.substring(0, UserLimits.USERNAME_MAX);
        }
        if (cleaned.length() < UserLimits.USERNAME_MIN) {
            cleaned = (cleaned.isEmpty() ? "user" : cleaned + "_user");
        }
        return cleaned;
    }

    /** The {@code attempt}-th candidate: the base itself first, then the base with a random numeric suffix. */
    static String candidate(String base, int attempt) {
        if (attempt == 0) {
            return base;
        }
        // More digits after a few collisions, so a crowded name still finds a free one quickly.
        int digits = attempt < 3 ? 4 : 8;
        String suffix = "-" + String.format(Locale.ROOT, "%0" + digits + "d",
                ThreadLocalRandom.current().nextLong((long) Math.pow(10, digits)));
        String head = base.length() + suffix.length() > UserLimits.USERNAME_MAX
                ? base.substring(0, UserLimits.USERNAME_MAX - suffix.length()) : base;
        return head + suffix;
    }
}
