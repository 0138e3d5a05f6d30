-- Following delivered jobs to their end (issue 12). The same script runs on H2 and PostgreSQL.

-- The orchestrator's state changes and reruns are events too.
ALTER TABLE job_events DROP CONSTRAINT job_events_type_check;
ALTER TABLE job_events ADD CONSTRAINT job_events_type_check CHECK (event_type IN ('received', 'accepted', 'rejected',
    'updated', 'unchanged', 'forwarded', 'attempt_failed', 'dead', 'replayed', 'running', 'completed', 'failed',
    'stopped', 'unknown', 'rerun'));

-- What is still being followed: one row per job, for the version last delivered. It is written in the transaction
-- that records the delivery, so a crash between delivery and following loses nothing; it goes when the job's state is
-- final for its type (or it is older than jobdrop.follow.max-age). next_poll_at and the lease work as in the outbox:
-- due rows are claimed under a lease, and the rows of an instance that died are polled by another once it runs out.
CREATE TABLE follows (
    job_id              VARCHAR                  NOT NULL PRIMARY KEY REFERENCES jobs (id),
    version             BIGINT                   NOT NULL,
    orchestrator_job_id VARCHAR                  NOT NULL,
    namespace           VARCHAR                  NOT NULL,
    job_type            VARCHAR                  NOT NULL,
    state               VARCHAR                  NOT NULL,
    polls               INTEGER                  NOT NULL,
    failures            INTEGER                  NOT NULL,
    started_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    next_poll_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    lease_until         TIMESTAMP WITH TIME ZONE,
    lease_owner         VARCHAR
);
CREATE INDEX follows_next_poll_at_idx ON follows (next_poll_at, job_id);

-- What the outbox row asks of the orchestrator: null = submit the version (PUT /jobs); 'rerun' = PUT /jobs/{id}/rerun;
-- 'force' = submit with "Force": true (a rerun where the orchestrator has no rerun endpoint).
ALTER TABLE outbox ADD COLUMN request VARCHAR;

-- Each execution the orchestrator reported for a followed job, as last seen (upserted as it changes). stdout and
-- stderr hold the first jobdrop.follow.output-bytes bytes, cut on a UTF-8 character boundary.
CREATE TABLE executions (
    id               VARCHAR                  NOT NULL PRIMARY KEY,
    job_id           VARCHAR                  NOT NULL REFERENCES jobs (id),
    version          BIGINT                   NOT NULL,
    job_version      BIGINT                   NOT NULL,
    node_id          VARCHAR,
    compute_state    VARCHAR                  NOT NULL,
    desired_state    VARCHAR                  NOT NULL,
    state_message    ${text},
    exit_code        INTEGER,
    stdout           ${text},
    stdout_truncated BOOLEAN                  NOT NULL,
    stderr           ${text},
    stderr_truncated BOOLEAN                  NOT NULL,
    error_msg        ${text},
    published_result ${text},
    create_time      BIGINT                   NOT NULL,
    modify_time      BIGINT                   NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX executions_job_id_idx ON executions (job_id, create_time);

-- When every job of an intake unit has ended, its result is composed once: result_json holds it (the status API shows
-- it for posted bodies); result_written_at says <file>.result.json is in place beside an inbox file.
ALTER TABLE intake_claims ADD COLUMN result_json ${text};
ALTER TABLE intake_claims ADD COLUMN result_written_at TIMESTAMP WITH TIME ZONE;
-- The results still to be written beside their files: a small queue, so the writer never scans intake_claims.
CREATE TABLE results_due (
    source    VARCHAR NOT NULL,
    claim_key VARCHAR NOT NULL,
    PRIMARY KEY (source, claim_key)
);
