-- The jobs of each intake unit, one row per (unit, job): when a job ends, the units holding it are found by key
-- instead of scanning intake_claims.jobs (JSON text) with LIKE. Filled when a unit's jobs are recorded; the units
-- still waiting for their result are filled here, once, from the JSON.
CREATE TABLE unit_jobs (
    source    VARCHAR NOT NULL,
    claim_key VARCHAR NOT NULL,
    job_id    VARCHAR NOT NULL,
    PRIMARY KEY (source, claim_key, job_id)
);
CREATE INDEX unit_jobs_job_id_idx ON unit_jobs (job_id);

INSERT INTO unit_jobs (source, claim_key, job_id)
SELECT DISTINCT i.source, i.claim_key, j.id
FROM intake_claims i
JOIN jobs j ON i.jobs LIKE CONCAT('%"', j.id, '"%')
WHERE i.disposition = 'done' AND i.result_json IS NULL;

-- What a dead letter's outbox row asked of the orchestrator (a rerun, or its forced-submission fallback), so that a
-- replay asks it again instead of sending a plain submission of a version the orchestrator already has.
ALTER TABLE jobs ADD COLUMN dead_request VARCHAR;
