-- Scheduled imports (io.jobdrop.intake.imports). A fire is inserted here, keyed by (import, fire time), BEFORE its
-- source is read or judged: the insert is the claim, so however many instances share the ledger and whatever fires
-- twice (two schedulers, a catch-up and a late tick, a retry), one fire runs once. claimed_by/lease_until say who
-- runs it and until when: an unfinished fire (outcome NULL) whose lease has passed is taken over by the next poll of
-- any instance, so a crash mid-fire ends with the fire finished elsewhere. Re-running is safe because every unit the
-- fire records is an intake claim of its own (source import:<name>, key <fire time>[ <unit>]). A fire whose source is
-- unreachable keeps outcome NULL with lease_until pushed back (backoff) until the next fire is due.
CREATE TABLE import_fires (
    import_name  VARCHAR                  NOT NULL,
    fire_time    TIMESTAMP WITH TIME ZONE NOT NULL,
    run          BIGINT                   NOT NULL,
    trigger_kind VARCHAR                  NOT NULL,
    claimed_by   VARCHAR,
    lease_until  TIMESTAMP WITH TIME ZONE NOT NULL,
    attempts     INTEGER                  NOT NULL,
    outcome      VARCHAR,
    detail       ${text},
    jobs         ${text},
    accepted     INTEGER                  NOT NULL,
    rejected     INTEGER                  NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at  TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (import_name, fire_time)
);
CREATE INDEX import_fires_unfinished_idx ON import_fires (outcome, lease_until);

-- What a URL import last saw of each URL: the validators for its next conditional GET (ETag, Last-Modified) and a
-- digest of the body, so a server that ignores validators still submits nothing for an unchanged body. Kept in the
-- ledger, so a restart or another instance sharing it asks the same way.
CREATE TABLE import_sources (
    import_name   VARCHAR                  NOT NULL,
    url           VARCHAR                  NOT NULL,
    etag          VARCHAR,
    last_modified VARCHAR,
    body_sha256   VARCHAR,
    seen_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (import_name, url)
);
