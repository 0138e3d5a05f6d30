-- The dashboard (src/main/resources/web/). A rejected unit keeps its text (at most jobdrop.limits.file-bytes), written
-- with the rejection, so its report can show the lines its errors point at whatever the source was (a bucket object
-- and an HTTP body are gone once taken); null for accepted units, which keep their jobs instead.
ALTER TABLE intake_claims ADD COLUMN rejected_text ${text};
-- The timeline (GET /api/v1/stats/timeline) counts forwards per interval over the last minutes: by type and time,
-- not by job. Intake units are counted on intake_claims_claimed_at_idx (V8).
CREATE INDEX job_events_type_occurred_at_idx ON job_events (event_type, occurred_at);
