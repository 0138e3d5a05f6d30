-- The notification outbox: one row per (event, webhook URL), written in the transaction that writes the event
-- (completed, failed, stopped, dead, rejected), so an event that happened is never without its notification and a
-- rolled-back one never has one. event_id is the CloudEvent id, the same for every URL of one event and for every
-- redelivery: receivers deduplicate on it. payload is the whole CloudEvent as sent. next_attempt_at is null once the
-- row is settled (delivered_at or given_up_at set), so the due index holds only what is still to be sent. A lease marks
-- a row an instance is sending now; one that runs out (the instance died) makes the row claimable again.
CREATE TABLE notifications (
    id              VARCHAR                  NOT NULL PRIMARY KEY,
    event_id        VARCHAR                  NOT NULL,
    url             VARCHAR                  NOT NULL,
    event_type      VARCHAR                  NOT NULL,
    subject         VARCHAR,
    payload         ${text}                  NOT NULL,
    attempts        INTEGER                  NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE,
    lease_until     TIMESTAMP WITH TIME ZONE,
    lease_owner     VARCHAR,
    delivered_at    TIMESTAMP WITH TIME ZONE,
    given_up_at     TIMESTAMP WITH TIME ZONE,
    last_status     INTEGER,
    last_error      ${text}
);
CREATE INDEX notifications_due_idx ON notifications (next_attempt_at, id);
CREATE INDEX notifications_created_at_idx ON notifications (created_at, id);

-- The job states the follower records (running, completed, failed, stopped, unknown) and reruns. The same list as
-- V10 of the follow work; re-created here so either order of the two migrations ends with the full list.
ALTER TABLE job_events DROP CONSTRAINT job_events_type_check;
ALTER TABLE job_events ADD CONSTRAINT job_events_type_check CHECK (event_type IN ('received', 'accepted', 'rejected',
    'updated', 'unchanged', 'forwarded', 'attempt_failed', 'dead', 'replayed', 'running', 'completed', 'failed',
    'stopped', 'unknown', 'rerun'));
