-- Events written in the same transaction as the change they report; the relay deletes them once RabbitMQ confirmed.
CREATE TABLE dingus_outbox (
    position    BIGSERIAL PRIMARY KEY,
    id          UUID        NOT NULL UNIQUE,
    type        TEXT        NOT NULL,
    occurred_at TIMESTAMPTZ NOT NULL,
    producer    TEXT        NOT NULL,
    payload     JSONB       NOT NULL
);

-- Event ids this service has already handled: a redelivered event changes nothing.
CREATE TABLE dingus_processed_events (
    event_id     UUID PRIMARY KEY,
    processed_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
