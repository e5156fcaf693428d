-- Keys that sign access tokens. The newest unretired one signs; retired ones stay published in the JWKS
-- until every token they signed has expired. private_key is NULL for keys provided by the environment
-- (production), which never touch the database.
CREATE TABLE signing_keys (
    kid         TEXT        PRIMARY KEY,
    public_key  TEXT        NOT NULL,
    private_key TEXT,
    source      TEXT        NOT NULL CHECK (source IN ('generated', 'environment')),
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    retired_at  TIMESTAMPTZ
);

CREATE INDEX signing_keys_unretired ON signing_keys (created_at) WHERE retired_at IS NULL;
