-- External sign-in: which account an identity at a provider (provider name, its subject) signs in to.
-- An account may have several; an identity belongs to one account.
CREATE TABLE oidc_identities (
    provider   TEXT        NOT NULL,
    subject    TEXT        NOT NULL,
    user_id    UUID        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (provider, subject)
);

CREATE INDEX oidc_identities_user ON oidc_identities (user_id);
