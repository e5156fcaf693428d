-- Users as auth-service announced them (user.registered / user.updated): mentions are resolved from
-- usernames here, and the first registered user may be a system admin (docs/adr/0011-system-admins.md).
CREATE TABLE known_users (
    id            UUID PRIMARY KEY,
    username      TEXT        NOT NULL,
    -- null when only a user.updated was seen so far
    registered_at TIMESTAMPTZ
);
CREATE INDEX known_users_username ON known_users (lower(username));
CREATE INDEX known_users_first ON known_users (registered_at, id) WHERE registered_at IS NOT NULL;

-- Rooms and their members as room-service announced them: who gets a DM notification, who may be
-- mentioned, who receives an alert to a room, and the room name for titles.
CREATE TABLE rooms (
    id   UUID PRIMARY KEY,
    kind TEXT NOT NULL,
    name TEXT
);

CREATE TABLE room_members (
    room_id UUID NOT NULL,
    user_id UUID NOT NULL,
    PRIMARY KEY (room_id, user_id)
);
CREATE INDEX room_members_user ON room_members (user_id);

-- A user's per-room mute: no DM or mention notifications from that room.
CREATE TABLE room_mutes (
    user_id  UUID        NOT NULL,
    room_id  UUID        NOT NULL,
    muted_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (user_id, room_id)
);
CREATE INDEX room_mutes_room ON room_mutes (room_id);

-- Stored notifications. One event makes at most one notification per recipient, whatever the redeliveries.
CREATE TABLE notifications (
    id              UUID PRIMARY KEY,
    recipient_id    UUID        NOT NULL,
    kind            TEXT        NOT NULL CHECK (kind IN ('dm', 'mention', 'invitation', 'friend_request', 'friend_accepted', 'system')),
    title           TEXT        NOT NULL,
    body            TEXT,
    room_id         UUID,
    actor_id        UUID,
    -- the message a dm/mention notification quotes: its preview is removed when the message is deleted
    message_id      UUID,
    source_event_id UUID        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    read_at         TIMESTAMPTZ,
    CONSTRAINT notifications_once_per_event UNIQUE (source_event_id, recipient_id)
);
CREATE INDEX notifications_inbox ON notifications (recipient_id, created_at DESC, id DESC);
CREATE INDEX notifications_unread ON notifications (recipient_id, created_at DESC, id DESC) WHERE read_at IS NULL;
CREATE INDEX notifications_message ON notifications (message_id) WHERE message_id IS NOT NULL;

-- What system admins sent, for the record; the fan-out runs from the system.alert event.
CREATE TABLE system_alerts (
    id         UUID PRIMARY KEY,
    sender_id  UUID        NOT NULL,
    title      TEXT        NOT NULL,
    body       TEXT        NOT NULL,
    room_id    UUID,
    created_at TIMESTAMPTZ NOT NULL
);
