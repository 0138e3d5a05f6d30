-- A job's documents (the stored Job and the submission) are kept once, in job_versions; jobs keeps the current state
-- only and finds its documents there by (id, version). Updating a job's state (submitted, last error) no longer
-- rewrites its documents.
ALTER TABLE jobs DROP COLUMN job_json;
ALTER TABLE jobs DROP COLUMN spec_json;
