-- The transaction that wrote each event (pg_current_xact_id(), 64-bit: never wraps). With it the relay knows which
-- rows below the position it has reached can still appear (those of transactions running at its last poll), so it
-- never has to walk the index over the rows it already relayed and deleted (ADR 0016). On txid alone: a composite
-- with position was picked by the planner for position lookups, scanning all of it.
ALTER TABLE dingus_outbox ADD COLUMN IF NOT EXISTS txid xid8 NOT NULL DEFAULT pg_current_xact_id();
CREATE INDEX IF NOT EXISTS dingus_outbox_txid ON dingus_outbox (txid);
