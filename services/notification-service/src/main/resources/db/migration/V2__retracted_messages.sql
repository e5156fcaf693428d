-- Messages that were deleted or edited: their dm/mention notifications quote nothing. Remembered, not only applied
-- to the notifications there are, because the message.created event of such a message may be handled after the
-- delete or edit (two message-service nodes relay side by side; this service's nodes share one queue): it then
-- stores no preview. Kept for dingus.notifications.retracted-retention (7 days, as long as processed event ids).
CREATE TABLE retracted_messages (
    message_id   UUID PRIMARY KEY,
    retracted_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX retracted_messages_age ON retracted_messages (retracted_at);
