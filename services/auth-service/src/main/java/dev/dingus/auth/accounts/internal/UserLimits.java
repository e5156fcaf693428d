package dev.dingus.auth.accounts.internal;

/** The limits of account fields, in one place for the request records (and so for the OpenAPI document). */
final class UserLimits {
    private UserLimits() {}

    static final int USERNAME_MIN = 3;
    static final int USERNAME_MAX = 32;
    static final String USERNAME_PATTERN = "^[A-Za-z0-9_.-]*$";
    static final String USERNAME_MESSAGE = "must be 3 to 32 characters: letters, digits, '_', '.' or '-'";

    static final int EMAIL_MAX = 254;
    /** On top of @Email: a dot in the domain, no spaces (@Email alone accepts "a@b"). */
    static final String EMAIL_PATTERN = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$";

    static final int PASSWORD_MIN = 8;
    static final int PASSWORD_MAX = 128;
    static final String PASSWORD_MESSAGE = "must be 8 to 128 characters";

    static final int DISPLAY_NAME_MAX = 64;
    static final int AVATAR_URL_MAX = 512;
    /** No white space; control characters are refused by TextRules.NO_CONTROL_CHARACTERS, with their own message. */
    static final String AVATAR_URL_PATTERN = "^$|^https?://[^\\s/?#]+[^\\s]*$";
    static final int STATUS_TEXT_MAX = 140;

    static final int LOGIN_MAX = 254;
    static final int SEARCH_MAX = 64;
    static final int SEARCH_LIMIT_MAX = 50;
    static final int BATCH_MAX = 100;
}
