-- One session per login. Access tokens carry its id (sid); revoking it ends them all.
CREATE TABLE sessions (
    id                      UUID        PRIMARY KEY,
    user_id                 UUID        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    refreshed_at            TIMESTAMPTZ,
    expires_at              TIMESTAMPTZ NOT NULL,
    revoked_at              TIMESTAMPTZ,
    revoke_reason           TEXT,
    -- set once every service has been told (Redis); unset rows are published again by a retry job
    revocation_published_at TIMESTAMPTZ
);

CREATE INDEX sessions_active_by_user ON sessions (user_id) WHERE revoked_at IS NULL;
CREATE INDEX sessions_unpublished_revocations ON sessions (revoked_at)
    WHERE revoked_at IS NOT NULL AND revocation_published_at IS NULL;

-- Refresh tokens are stored as SHA-256 hashes only. A spent token is kept until it expires, so that
-- its reuse is recognised (and ends the session).
CREATE TABLE refresh_tokens (
    token_hash BYTEA       PRIMARY KEY,
    session_id UUID        NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    issued_at  TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    spent_at   TIMESTAMPTZ
);

CREATE INDEX refresh_tokens_by_session ON refresh_tokens (session_id);
CREATE INDEX refresh_tokens_by_expiry ON refresh_tokens (expires_at);
