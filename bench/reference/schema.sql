-- The reference's own database (created and dropped by ./dingus bench --target reference).
CREATE TABLE room_members (
    room_id UUID NOT NULL,
    user_id UUID NOT NULL,
    PRIMARY KEY (room_id, user_id)
);

CREATE TABLE room_sequences (
    room_id  UUID PRIMARY KEY,
    last_seq BIGINT NOT NULL
);

CREATE TABLE messages (
    id              UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    room_id         UUID        NOT NULL,
    seq             BIGINT      NOT NULL,
    sender_id       UUID        NOT NULL,
    sender_username TEXT        NOT NULL,
    content         TEXT        NOT NULL,
    client_msg_id   TEXT,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    edited_at       TIMESTAMPTZ,
    deleted         BOOLEAN     NOT NULL DEFAULT false,
    UNIQUE (room_id, seq),
    UNIQUE (sender_id, client_msg_id)
);
