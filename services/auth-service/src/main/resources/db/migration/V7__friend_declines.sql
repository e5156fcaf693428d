-- A declined request, remembered for a while so that the requester cannot ask again at once: every request
-- notifies the addressee, and asking, being declined and asking again would otherwise notify them without end.
CREATE TABLE friend_declines (
    requester_id UUID        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    addressee_id UUID        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    declined_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (requester_id, addressee_id)
);
