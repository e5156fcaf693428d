-- Users this service knows to exist: fed by user.registered events, and by auth-service's internal
-- endpoint for users whose event has not arrived yet. Invitees and DM partners must be in here.
CREATE TABLE known_users (
    id         UUID PRIMARY KEY,
    username   TEXT,
    learned_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Every conversation. A DM names its two users in a canonical order (low, high), so the partial unique
-- index makes "the DM of A and B" exist at most once, whatever the concurrency.
CREATE TABLE rooms (
    id           UUID PRIMARY KEY,
    kind         TEXT        NOT NULL CHECK (kind IN ('public', 'private', 'dm')),
    name         TEXT        CHECK (kind = 'dm' OR name IS NOT NULL),
    topic        TEXT,
    post_policy  TEXT        NOT NULL CHECK (post_policy IN ('everyone', 'admins')),
    owner_id     UUID,
    member_count INTEGER     NOT NULL DEFAULT 0 CHECK (member_count >= 0),
    dm_user_low  UUID,
    dm_user_high UUID,
    created_at   TIMESTAMPTZ NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL,
    CHECK ((kind = 'dm') = (dm_user_low IS NOT NULL AND dm_user_high IS NOT NULL)),
    CHECK (kind = 'dm' OR owner_id IS NOT NULL)
);

CREATE UNIQUE INDEX rooms_dm_pair ON rooms (dm_user_low, dm_user_high) WHERE kind = 'dm';

-- Discovery searches public rooms by any part of the name.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX rooms_public_name_trgm ON rooms USING gin (lower(name) gin_trgm_ops) WHERE kind = 'public';
CREATE INDEX rooms_public_name_order ON rooms (lower(name), id) WHERE kind = 'public';

-- position orders members who joined in the same instant, so "the oldest" is always one member.
CREATE TABLE memberships (
    room_id   UUID        NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
    user_id   UUID        NOT NULL,
    role      TEXT        NOT NULL CHECK (role IN ('owner', 'admin', 'member')),
    joined_at TIMESTAMPTZ NOT NULL,
    position  BIGSERIAL   NOT NULL,
    PRIMARY KEY (room_id, user_id)
);

CREATE INDEX memberships_by_user ON memberships (user_id, joined_at);
CREATE INDEX memberships_by_room_order ON memberships (room_id, joined_at, position);
CREATE UNIQUE INDEX memberships_one_owner ON memberships (room_id) WHERE role = 'owner';
