-- Where each inbox file was filed, relative to the inbox (.done/x.yaml, or .done/x.1.yaml when that name was taken),
-- for `jobdrop show FILE`. Null until the file is filed, and for bucket objects.
ALTER TABLE intake_claims ADD COLUMN placed_as VARCHAR;
-- `jobdrop show FILE` looks files up by name.
CREATE INDEX intake_claims_source_name_idx ON intake_claims (source_name);

-- The identity of this ledger, made once when it is created. An inbox remembers the ledger that serves it
-- (<inbox>/.jobdrop-ledger), so a `run` on the same inbox with another ledger is refused instead of submitting
-- every nameless job a second time.
CREATE TABLE ledger_identity (
    singleton  INTEGER                  NOT NULL PRIMARY KEY,
    ledger_id  VARCHAR                  NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT ledger_identity_singleton_check CHECK (singleton = 1)
);
INSERT INTO ledger_identity (singleton, ledger_id, created_at)
VALUES (1, CAST(${random_uuid} AS VARCHAR(36)), CURRENT_TIMESTAMP);
