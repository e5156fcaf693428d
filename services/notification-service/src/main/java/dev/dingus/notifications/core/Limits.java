package dev.dingus.notifications.core;

/** Bounds stated in the OpenAPI document and enforced on input. */
public final class Limits {
    private Limits() {}

    public static final int DEFAULT_PAGE_SIZE = 20;
    public static final int MAX_PAGE_SIZE = 100;
    /** Deep pages cost a long scan; nobody pages through more than this by hand. */
    public static final int MAX_PAGE = 10_000;
    public static final int ALERT_TITLE_MAX = 120;
    public static final int ALERT_BODY_MAX = 2000;
    /**
     * A bean-validation pattern for text of several lines: no ASCII control characters but line breaks and tabs
     * (NUL above all, which PostgreSQL cannot store).
     */
    public static final String MULTILINE_TEXT = "^[\\P{Cntrl}\\n\\r\\t]*$";
    /** Message previews in dm and mention notifications are cut to this many characters. */
    public static final int PREVIEW_MAX = 200;
}
