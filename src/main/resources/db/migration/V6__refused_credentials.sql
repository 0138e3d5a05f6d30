-- A row paused because the orchestrator refused jobdrop's credentials (401/403) remembers which credentials: a
-- fingerprint of the token (never the token). A start with other credentials makes those rows due at once instead of
-- waiting out a pause that was meant for the refused token.
ALTER TABLE outbox ADD COLUMN refused_credentials VARCHAR;
