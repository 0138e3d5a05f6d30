package io.jobdrop.intake;

import io.jobdrop.spec.FileVerdict;
import io.jobdrop.spec.JobFileReader;
import io.jobdrop.spec.VerdictReport;
import io.jobdrop.store.Disposition;
import io.jobdrop.store.FileOutcome;
import io.jobdrop.store.IntakeClaim;
import io.jobdrop.store.JobLedger;

/**
 * What every intake (inbox folder, bucket) does with one job file once it has its bytes: judge it, record the claim and
 * the verdict in one ledger transaction, and log one line per outcome. Where the file goes afterwards is the caller's
 * business; it must move it only after this returned, so a ledger failure (thrown) leaves it in place.
 */
public final class JobFileIntake {

    /** What was decided and recorded for one file. */
    public record Taken(FileVerdict verdict, FileOutcome outcome) {

        public boolean rejected() {
            return outcome.disposition() == Disposition.ERROR;
        }

        /** The report written beside a rejected file: the object {@code validate --json} prints. */
        public String report() {
            return VerdictReport.json(verdict);
        }
    }

    private final JobFileReader reader;
    private final JobLedger ledger;
    private final IntakeLog log;

    public JobFileIntake(JobFileReader reader, JobLedger ledger, IntakeLog log) {
        this.reader = reader;
        this.ledger = ledger;
        this.log = log;
    }

    /** @param file the name the verdict and its report carry */
    public Taken take(IntakeClaim claim, String file, byte[] content) {
        return record(claim, reader.read(file, content));
    }

    /** Records a verdict reached without reading the file (one too large to read, for instance). */
    public Taken record(IntakeClaim claim, FileVerdict verdict) {
        FileOutcome outcome = ledger.recordFile(claim, verdict);
        log.outcome(claim.displayName(), verdict, outcome);
        return new Taken(verdict, outcome);
    }
}
