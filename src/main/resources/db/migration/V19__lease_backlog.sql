-- What the holder of a lease last reported waiting in the intake it leads (files waiting in the inbox), written with
-- each renewal: every instance's job following gives way while the intake of any leader is behind, not only its own
-- (io.jobdrop.follow.GiveWay). Rows written by an instance that does not report it keep 0.
ALTER TABLE leases ADD COLUMN backlog BIGINT DEFAULT 0 NOT NULL;
