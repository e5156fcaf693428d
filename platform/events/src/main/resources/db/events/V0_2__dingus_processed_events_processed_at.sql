-- ProcessedEventsRetention deletes the oldest ids in batches; without this index each batch scans the table.
-- A plain CREATE INDEX holds back consumers' inserts while it builds (about 1.6 s per 5 million rows on a
-- 2-core machine). For a much larger table, create it by hand with CONCURRENTLY before deploying; this then
-- does nothing. (Not CONCURRENTLY here: it would wait forever for the transaction Flyway holds its lock in.)
CREATE INDEX IF NOT EXISTS dingus_processed_events_processed_at ON dingus_processed_events (processed_at);
