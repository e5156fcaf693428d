-- Rooms whose rows are still being deleted after room.deleted (ADR 0013). The event's transaction only adds the
-- row; the room purger deletes the room's messages, counter and read state in bounded batches and removes the row
-- once nothing is left and the settle time has passed. Survives restarts: a purger resumes from here.
CREATE TABLE room_purges (
    room_id      UUID PRIMARY KEY,
    requested_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    -- progress for operators: rows deleted so far, by any node
    purged_rows  BIGINT      NOT NULL DEFAULT 0
);
