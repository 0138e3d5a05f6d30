-- The claim query reads due rows in (next_attempt_at, job_id) order up to a limit; an index in exactly that order
-- lets both databases stop at the limit instead of sorting every due row (a large backlog made each claim slow).
DROP INDEX outbox_next_attempt_at_idx;
CREATE INDEX outbox_due_idx ON outbox (next_attempt_at, job_id);
