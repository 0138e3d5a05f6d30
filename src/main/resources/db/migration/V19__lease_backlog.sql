-- What the holder of a lease last reported waiting in the intake it leads (job files in the inbox, objects under a
-- bucket's intake prefix), written with each renewal: every instance's job following gives way while the intake of
-- any leader is behind, not only its own (io.jobdrop.follow.GiveWay). Rows of an instance that reports none keep 0.
ALTER TABLE leases ADD COLUMN backlog BIGINT DEFAULT 0 NOT NULL;
