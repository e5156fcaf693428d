package dev.dingus.rooms.core;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code rooms} table. Writers lock a room's row first, which serialises every change to one room. */
@Repository
public class Rooms {
    static final String COLUMNS = "r.id, r.kind, r.name, r.topic, r.post_policy, r.owner_id, r.member_count, "
            + "r.dm_user_low, r.dm_user_high, r.created_at, r.updated_at";

    private final JdbcClient jdbc;

    public Rooms(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<RoomRow> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM rooms r WHERE r.id = ?").param(id).query(Rooms::map).optional();
    }

    /** Reads and locks the room until the transaction ends. */
    public Optional<RoomRow> findForUpdate(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM rooms r WHERE r.id = ? FOR UPDATE").param(id).query(Rooms::map).optional();
    }

    public Optional<RoomRow> findDm(UUID low, UUID high) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM rooms r WHERE r.kind = 'dm' AND r.dm_user_low = ? AND r.dm_user_high = ?")
                .params(low, high).query(Rooms::map).optional();
    }

    public void insert(RoomRow room) {
        jdbc.sql("""
                INSERT INTO rooms (id, kind, name, topic, post_policy, owner_id, member_count, dm_user_low, dm_user_high,
                                   created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)""")
                .params(room.id(), room.kind().wire(), room.name(), room.topic(), room.postPolicy().wire(), room.ownerId(),
                        room.dmUserLow(), room.dmUserHigh(), ts(room.createdAt()), ts(room.updatedAt()))
                .update();
    }

    /** Inserts a DM unless the pair already has one; false when another request created it first. */
    public boolean insertDmIfAbsent(RoomRow room) {
        return jdbc.sql("""
                INSERT INTO rooms (id, kind, name, topic, post_policy, owner_id, member_count, dm_user_low, dm_user_high,
                                   created_at, updated_at)
                VALUES (?, 'dm', NULL, NULL, ?, NULL, 0, ?, ?, ?, ?)
                ON CONFLICT (dm_user_low, dm_user_high) WHERE kind = 'dm' DO NOTHING""")
                .params(room.id(), room.postPolicy().wire(), room.dmUserLow(), room.dmUserHigh(), ts(room.createdAt()),
                        ts(room.updatedAt()))
                .update() == 1;
    }

    public void updateSettings(UUID id, String name, String topic, Kind kind, PostPolicy postPolicy, Instant updatedAt) {
        jdbc.sql("UPDATE rooms SET name = ?, topic = ?, kind = ?, post_policy = ?, updated_at = ? WHERE id = ?")
                .params(name, topic, kind.wire(), postPolicy.wire(), ts(updatedAt), id)
                .update();
    }

    public void setOwner(UUID id, UUID ownerId, Instant updatedAt) {
        jdbc.sql("UPDATE rooms SET owner_id = ?, updated_at = ? WHERE id = ?").params(ownerId, ts(updatedAt), id).update();
    }

    public void adjustMemberCount(UUID id, int delta) {
        jdbc.sql("UPDATE rooms SET member_count = member_count + ? WHERE id = ?").params(delta, id).update();
    }

    public void delete(UUID id) {
        jdbc.sql("DELETE FROM rooms WHERE id = ?").param(id).update();
    }

    /** Maps the columns of {@link #COLUMNS} (aliased {@code r}). */
    public static RoomRow map(ResultSet rs, int row) throws SQLException {
        return new RoomRow(rs.getObject("id", UUID.class), Kind.fromWire(rs.getString("kind")), rs.getString("name"),
                rs.getString("topic"), PostPolicy.fromWire(rs.getString("post_policy")), rs.getObject("owner_id", UUID.class),
                rs.getInt("member_count"), rs.getObject("dm_user_low", UUID.class), rs.getObject("dm_user_high", UUID.class),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }

    /** The columns to select for {@link #map}, with the rooms table aliased {@code r}. */
    public static String columns() {
        return COLUMNS;
    }

    static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }
}
