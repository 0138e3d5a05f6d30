-- What the holder of a lease last reported waiting in the intake it leads (job files in the inbox, objects under a
-- bucket's intake prefix), written with each renewal: every instance's job following gives way while the intake of
-- any leader is behind, not only its own (io.jobdrop.follow.GiveWay). backlog_until is when the report goes stale:
-- the end of the lease it was renewed with. A holder that does not report (an older version, during an upgrade)
-- renews its lease without it, and the last report then expires instead of holding following back for good.
ALTER TABLE leases ADD COLUMN backlog BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE leases ADD COLUMN backlog_until TIMESTAMP WITH TIME ZONE;
