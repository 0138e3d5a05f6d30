-- The status API pages newest first with keyset cursors (no OFFSET scans): jobs by (create_time, id), which never
-- change once a job exists, so a page boundary stays put while jobs are updated; intake units by
-- (claimed_at, source, claim_key). An intake unit keeps the jobs it recorded ([{id,namespace,name,version,change}]),
-- so /api/v1/files can name them.
CREATE INDEX jobs_create_time_id_idx ON jobs (create_time, id);
CREATE INDEX intake_claims_claimed_at_idx ON intake_claims (claimed_at, source, claim_key);
ALTER TABLE intake_claims ADD COLUMN jobs ${text};
