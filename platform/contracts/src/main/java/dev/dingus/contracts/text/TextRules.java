package dev.dingus.contracts.text;

/** Rules for short free text that every service applies the same way. */
public final class TextRules {
    private TextRules() {}

    /**
     * A bean-validation pattern: no ASCII control characters (line breaks, escapes, NUL, which PostgreSQL cannot
     * store) in names, status lines, logins and search queries.
     */
    public static final String NO_CONTROL_CHARACTERS = "^[^\\p{Cntrl}]*$";
}
