-- Scheduled imports: the run counter of a new fire is one more than the import's highest (ImportLedger's claim and
-- request insert SELECT COALESCE(MAX(run), 0) + 1 ... WHERE import_name = ?). The primary key (import_name, fire_time)
-- finds the import's rows but not their highest run: without this index each claim reads every fire the import ever had.
CREATE INDEX import_fires_run_idx ON import_fires (import_name, run);
