package dev.dingus.messages.messaging;

import dev.dingus.messages.messaging.internal.LatestPageCache;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * History answers as JSON bytes. A cached latest page is joined from its stored entries, each already the JSON of
 * a {@link dev.dingus.messages.core.MessageView} written by this same mapper: parsing and re-serializing fifty
 * messages per read cost more CPU than the rest of the cache read. Other pages are serialized as usual.
 */
@Component
class HistoryJson {
    private static final byte[] OPEN = "{\"messages\":[".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CLOSE_MORE = "],\"hasMore\":true}".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CLOSE_NO_MORE = "],\"hasMore\":false}".getBytes(StandardCharsets.US_ASCII);

    private final JsonMapper json;

    HistoryJson(JsonMapper json) {
        this.json = json;
    }

    byte[] of(HistoryPage page) {
        return json.writeValueAsBytes(page);
    }

    /** The same bytes {@link #of} writes for a page of these messages. */
    byte[] of(LatestPageCache.JsonPage page) {
        int size = OPEN.length + CLOSE_NO_MORE.length + page.messages().size();
        for (byte[] m : page.messages()) {
            size += m.length;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(size);
        out.writeBytes(OPEN);
        for (int i = 0; i < page.messages().size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.writeBytes(page.messages().get(i));
        }
        out.writeBytes(page.hasMore() ? CLOSE_MORE : CLOSE_NO_MORE);
        return out.toByteArray();
    }
}
