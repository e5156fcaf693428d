package dev.dingus.notifications.core;

/** How notification texts are written. */
public final class Texts {
    private Texts() {}

    /** A one-line preview: whitespace collapsed, cut to {@link Limits#PREVIEW_MAX} characters. */
    public static String preview(String content) {
        if (content == null) {
            return null;
        }
        String line = content.strip().replaceAll("\\s+", " ");
        if (line.length() <= Limits.PREVIEW_MAX) {
            return line;
        }
        int end = Limits.PREVIEW_MAX - 1;
        if (Character.isHighSurrogate(line.charAt(end - 1))) {
            end--; // never cut a character in half
        }
        return line.substring(0, end) + "…";
    }

    public static String user(String username) {
        return username == null || username.isBlank() ? "Someone" : "@" + username;
    }

    public static String room(String name) {
        return name == null || name.isBlank() ? "a room" : "#" + name;
    }
}
