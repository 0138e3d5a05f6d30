-- H2 writes an identity column's sequence to disk, in a commit of its own, each time the sequence's cache runs out.
-- With H2's default cache that was a third of the cost of recording a job; H2 gets a cache of 1000 (a crash only
-- leaves a gap in the ids). PostgreSQL keeps its default of 1: its caches are per session, and the event history is
-- ordered by id across the instances that share a database.
ALTER TABLE job_events ALTER COLUMN id SET CACHE ${identity_cache};
ALTER TABLE forward_attempts ALTER COLUMN id SET CACHE ${identity_cache};
