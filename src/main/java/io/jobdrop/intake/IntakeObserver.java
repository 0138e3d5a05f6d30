package io.jobdrop.intake;

import io.jobdrop.ingest.FileVerdict;
import io.jobdrop.store.FileOutcome;

/** Told of every intake unit once its record is committed (metrics); called off the ledger's writer thread. */
@FunctionalInterface
public interface IntakeObserver {

    IntakeObserver NONE = (source, verdict, outcome) -> { };

    /** @param source the claim's source: {@code inbox}, {@code s3://bucket} or {@code http} */
    void taken(String source, FileVerdict verdict, FileOutcome outcome);
}
