-- Settled notifications are deleted once older than jobdrop.notify.retention: these indexes find them without a scan
-- of the table, and let the counts of /api/v1/stats and the metrics (failed, delivered) read an index instead.
-- V11 also re-created job_events_type_check with the same list as V10; that is harmless (dropped, then added) and
-- left as it is.
CREATE INDEX notifications_delivered_idx ON notifications (delivered_at);
CREATE INDEX notifications_given_up_idx ON notifications (given_up_at);
