package dev.dingus.messages.search;

import dev.dingus.contracts.errors.ErrorCodes;
import dev.dingus.messages.core.MessageView;
import dev.dingus.messages.core.Times;
import dev.dingus.messages.core.MessagesProperties;
import dev.dingus.messages.membership.MembershipService;
import dev.dingus.platform.web.errors.ApiException;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code websearch_to_tsquery} syntax ("quoted phrases", or, -not) over the rooms the caller is a member of;
 * deleted messages never match. One room when {@code roomId} is given (membership checked like history).
 *
 * <p>A query the GIN index cannot serve ({@code -word} alone, {@code -a or b}) would read every message of every room
 * the caller is in, so it is refused; a query without words ({@code !!!}) finds nothing without asking the table. A
 * search that still runs longer than {@code search-timeout} is stopped.
 */
@Service
public class MessageSearch {
    private static final int DEFAULT_SIZE = 20;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final MembershipService membership;
    private final MessagesProperties.Limits limits;

    MessageSearch(JdbcClient jdbc, TransactionTemplate tx, MembershipService membership, MessagesProperties props) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.membership = membership;
        this.limits = props.limits();
    }

    public SearchPage search(UUID userId, String query, UUID roomId, Integer page, Integer size) {
        String q = query == null ? "" : query.strip();
        if (q.isEmpty()) {
            throw ApiException.validation("q must not be empty.");
        }
        if (q.length() > limits.maxSearchQueryLength()) {
            throw ApiException.validation("q has at most " + limits.maxSearchQueryLength() + " characters.");
        }
        if (q.chars().anyMatch(Character::isISOControl)) {
            throw ApiException.validation("q must not contain control characters.");
        }
        int p = page == null ? 0 : page;
        int s = size == null ? DEFAULT_SIZE : size;
        if (p < 0 || p > 1000) {
            throw ApiException.validation("page must be between 0 and 1000.");
        }
        if (s < 1 || s > limits.maxPageSize()) {
            throw ApiException.validation("size must be between 1 and " + limits.maxPageSize() + ".");
        }
        if (roomId != null) {
            membership.requireMember(roomId, userId);
        }
        try {
            return tx.execute(status -> find(userId, q, roomId, p, s));
        } catch (QueryTimeoutException e) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, ErrorCodes.SEARCH_TOO_BROAD, "The search took longer than "
                    + limits.searchTimeout().toMillis() + " ms; use rarer words, or search one room.");
        }
    }

    /** In one transaction, so that the timeout set for it ends with it. */
    private SearchPage find(UUID userId, String q, UUID roomId, int p, int s) {
        // SET takes no bind parameters; set_config does, and with true it lasts until the transaction ends.
        jdbc.sql("SELECT set_config('statement_timeout', ?, true)")
                .param(Long.toString(limits.searchTimeout().toMillis())).query(String.class).single();
        String indexable = jdbc.sql("SELECT querytree(websearch_to_tsquery('simple', ?))")
                .param(q).query(String.class).single();
        if ("T".equals(indexable)) {
            throw ApiException.validation("q needs at least one word to look for: words with '-' only exclude.");
        }
        if (indexable.isEmpty()) {
            return new SearchPage(List.of(), p, s, false);
        }
        List<MessageView> rows = jdbc.sql("""
                SELECT m.id, m.room_id, m.seq, m.sender_id, m.sender_username, m.content, m.client_msg_id,
                       m.created_at, m.edited_at
                FROM messages m JOIN room_members rm ON rm.room_id = m.room_id AND rm.user_id = ?
                WHERE m.search @@ websearch_to_tsquery('simple', ?) AND m.deleted_at IS NULL
                  AND (?::uuid IS NULL OR m.room_id = ?::uuid)
                ORDER BY m.created_at DESC, m.id
                LIMIT ? OFFSET ?""")
                .params(userId, q, roomId, roomId, s + 1, p * s)
                .query((rs, n) -> {
                    Timestamp edited = rs.getTimestamp("edited_at");
                    return new MessageView(rs.getObject("id", UUID.class), rs.getObject("room_id", UUID.class),
                            rs.getLong("seq"), rs.getObject("sender_id", UUID.class), rs.getString("sender_username"),
                            rs.getString("content"), rs.getString("client_msg_id"),
                            Times.format(rs.getTimestamp("created_at").toInstant()),
                            edited == null ? null : Times.format(edited.toInstant()), false);
                })
                .list();
        return new SearchPage(rows.subList(0, Math.min(s, rows.size())), p, s, rows.size() > s);
    }
}
