-- Leadership among the instances that share this ledger (io.jobdrop.cluster): one row per cluster namespace (the
-- inbox scan, each bucket listing). The holder leads while lease_until is in the future by the DATABASE's clock, so
-- instances whose clocks disagree still agree on who leads. epoch grows each time the lease changes hands: a fencing
-- token that tells a new term from a renewal of the old one.
CREATE TABLE leases (
    name        VARCHAR                  NOT NULL PRIMARY KEY,
    holder      VARCHAR,
    lease_until TIMESTAMP WITH TIME ZONE NOT NULL,
    epoch       BIGINT                   NOT NULL
);
