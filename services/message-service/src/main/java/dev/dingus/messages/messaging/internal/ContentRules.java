package dev.dingus.messages.messaging.internal;

import dev.dingus.messages.core.MessageErrors;
import dev.dingus.platform.web.errors.ApiException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a message may contain, and the @mentions in it. */
public final class ContentRules {
    /** Usernames are 3–32 of letters, digits, '_', '.', '-' (auth-service); a mention is '@' + one, not inside a word. */
    private static final Pattern MENTION = Pattern.compile("(?<![A-Za-z0-9_.@-])@([A-Za-z0-9_.-]{3,40})");
    private static final int MAX_MENTIONS = 50;

    private ContentRules() {}

    /**
     * The content as stored: trimmed, 1..{@code max} characters (code points), no control characters other than line
     * breaks and tabs (PostgreSQL cannot store NUL at all), else the error to answer.
     */
    public static String normalize(String content, int max) {
        if (content == null) {
            throw MessageErrors.messageEmpty();
        }
        String trimmed = content.strip();
        if (trimmed.isEmpty()) {
            throw MessageErrors.messageEmpty();
        }
        if (trimmed.length() > max && trimmed.codePointCount(0, trimmed.length()) > max) {
            throw MessageErrors.messageTooLong(max);
        }
        if (trimmed.chars().anyMatch(c -> c != '\n' && c != '\r' && c != '\t' && Character.isISOControl(c))) {
            throw ApiException.validation("content must not contain control characters other than line breaks and tabs.");
        }
        return trimmed;
    }

    /** A client's own id for a message (makes resends idempotent); blank means none. */
    public static String clientMsgId(String clientMsgId, int max) {
        if (clientMsgId == null || clientMsgId.isBlank()) {
            return null;
        }
        if (clientMsgId.length() > max) {
            throw ApiException.validation("clientMsgId has at most " + max + " characters.");
        }
        for (int i = 0; i < clientMsgId.length(); i++) {
            if (Character.isISOControl(clientMsgId.charAt(i))) {
                throw ApiException.validation("clientMsgId must not contain control characters.");
            }
        }
        return clientMsgId;
    }

    /** Lower-cased, distinct usernames mentioned as {@code @name} (a trailing '.' is punctuation, not name). */
    public static List<String> mentions(String content) {
        Set<String> found = new LinkedHashSet<>();
        Matcher m = MENTION.matcher(content);
        while (m.find() && found.size() < MAX_MENTIONS) {
            String name = m.group(1);
            while (name.endsWith(".")) {
                name = name.substring(0, name.length() - 1);
            }
            if (name.length() >= 3 && name.length() <= 32) {
                found.add(name.toLowerCase(Locale.ROOT));
            }
        }
        return new ArrayList<>(found);
    }
}
