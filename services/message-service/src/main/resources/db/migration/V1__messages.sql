-- Rooms and memberships as room-service's events describe them (this service's own copy; ADR 0009).
CREATE TABLE rooms (
    id          UUID PRIMARY KEY,
    kind        TEXT        NOT NULL,
    post_policy TEXT        NOT NULL DEFAULT 'everyone',
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE room_members (
    room_id UUID NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
    user_id UUID NOT NULL,
    role    TEXT NOT NULL,
    PRIMARY KEY (room_id, user_id)
);
CREATE INDEX room_members_by_user ON room_members (user_id);

-- One counter row per room, raised in the transaction that inserts the messages: seq has no gaps.
CREATE TABLE room_sequences (
    room_id  UUID PRIMARY KEY,
    last_seq BIGINT NOT NULL
);

CREATE TABLE messages (
    id              UUID PRIMARY KEY,
    room_id         UUID        NOT NULL,
    seq             BIGINT      NOT NULL,
    sender_id       UUID        NOT NULL,
    sender_username TEXT        NOT NULL,
    content         TEXT        NOT NULL,
    client_msg_id   TEXT,
    created_at      TIMESTAMPTZ NOT NULL,
    edited_at       TIMESTAMPTZ,
    deleted_at      TIMESTAMPTZ,
    deleted_by      UUID,
    -- 'simple': no language-specific stemming, chat rooms mix languages.
    search          TSVECTOR GENERATED ALWAYS AS (to_tsvector('simple', content)) STORED,
    CONSTRAINT messages_room_seq UNIQUE (room_id, seq),
    CONSTRAINT messages_sender_client_msg_id UNIQUE (sender_id, client_msg_id)
);
CREATE INDEX messages_search ON messages USING GIN (search);

-- How far each member has read each room; unread counts derive from it.
CREATE TABLE read_state (
    room_id       UUID        NOT NULL,
    user_id       UUID        NOT NULL,
    last_read_seq BIGINT      NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (room_id, user_id)
);
CREATE INDEX read_state_by_user ON read_state (user_id);
