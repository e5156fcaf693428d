package dev.dingus.rooms.discovery;

import dev.dingus.rooms.core.PageView;
import dev.dingus.rooms.core.Role;
import dev.dingus.rooms.core.RoomView;
import dev.dingus.rooms.core.Rooms;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Public rooms whose name contains the query (case-insensitive; a trigram index serves it), by name. */
@Component
public class PublicRoomSearch {
    private final JdbcClient jdbc;

    public PublicRoomSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public PageView<RoomView> search(UUID caller, String query, int page, int size) {
        String pattern = "%" + escapeLike(query == null ? "" : query.strip().toLowerCase(java.util.Locale.ROOT)) + "%";
        long total = jdbc.sql("SELECT count(*) FROM rooms r WHERE r.kind = 'public' AND lower(r.name) LIKE ? ESCAPE '\\'")
                .param(pattern).query(Long.class).single();
        List<RoomView> items = jdbc.sql("SELECT " + Rooms.columns() + ", m.role AS my_role FROM rooms r "
                        + "LEFT JOIN memberships m ON m.room_id = r.id AND m.user_id = ? "
                        + "WHERE r.kind = 'public' AND lower(r.name) LIKE ? ESCAPE '\\' "
                        + "ORDER BY lower(r.name), r.id OFFSET ? LIMIT ?")
                .params(caller, pattern, (long) page * size, size)
                .query((rs, n) -> {
                    String role = rs.getString("my_role");
                    return RoomView.of(Rooms.map(rs, n), role == null ? null : Role.fromWire(role), caller);
                })
                .list();
        return new PageView<>(items, page, size, total);
    }

    /** The query is literal text: % and _ match themselves. */
    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
