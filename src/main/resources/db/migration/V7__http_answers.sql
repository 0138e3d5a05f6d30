-- Answers to HTTP intake requests that carried an Idempotency-Key. The key is inserted in the same transaction as
-- the body's record, so a repeated request (on any instance sharing the ledger, before or after a restart) finds the
-- first answer here and records nothing new. Keys older than 24 hours no longer count and are replaced.
CREATE TABLE http_answers (
    idempotency_key VARCHAR                  NOT NULL PRIMARY KEY,
    status          INTEGER                  NOT NULL,
    answer          ${text}                  NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
