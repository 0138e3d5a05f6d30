package io.jobdrop.intake;

import io.jobdrop.spec.FileVerdict;
import io.jobdrop.spec.JobFileReader;
import io.jobdrop.spec.VerdictReport;
import io.jobdrop.store.Disposition;
import io.jobdrop.store.FileOutcome;
import io.jobdrop.store.IntakeClaim;
import io.jobdrop.store.JobLedger;
import org.apache.camel.Exchange;

/**
 * The intake step of the inbox route: judges one stable file and records it in the ledger in one transaction. The
 * file's identity is its name, mtime and content hash, so a file that was recorded but not yet moved when jobdrop
 * stopped is recognised (and just moved) on restart, while the same name dropped again later is a new submission.
 */
public final class InboxIntake {

    /** Where the file consumer moves the file after commit: {@code .done} or {@code .error}. */
    public static final String FOLDER = "jobdropFolder";
    /** The report written beside a rejected file. */
    public static final String REPORT = "jobdropReport";

    private final JobFileReader reader;
    private final JobLedger ledger;
    private final IntakeLog log;

    public InboxIntake(JobFileReader reader, JobLedger ledger, IntakeLog log) {
        this.reader = reader;
        this.ledger = ledger;
        this.log = log;
    }

    public void ingest(Exchange exchange) {
        String name = exchange.getMessage().getHeader(Exchange.FILE_NAME, String.class);
        long modified = exchange.getMessage().getHeader(Exchange.FILE_LAST_MODIFIED, 0L, Long.class);
        byte[] content = exchange.getMessage().getBody(byte[].class);
        String display = exchange.getMessage().getHeader(Exchange.FILE_PATH, name, String.class);
        FileVerdict verdict = reader.read(name, content);
        IntakeClaim claim = new IntakeClaim("inbox", ContentKey.of(name, modified, content), display);
        FileOutcome outcome = ledger.recordFile(claim, verdict);
        log.outcome(display, verdict, outcome);
        if (outcome.disposition() == Disposition.ERROR) {
            exchange.setProperty(FOLDER, ".error");
            exchange.setProperty(REPORT, VerdictReport.json(verdict));
        } else {
            exchange.setProperty(FOLDER, ".done");
        }
    }
}
