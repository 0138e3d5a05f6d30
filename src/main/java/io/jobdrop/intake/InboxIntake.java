package io.jobdrop.intake;

import io.jobdrop.store.IntakeClaim;
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

    private final JobFileIntake files;

    public InboxIntake(JobFileIntake files) {
        this.files = files;
    }

    public void ingest(Exchange exchange) {
        String name = exchange.getMessage().getHeader(Exchange.FILE_NAME, String.class);
        long modified = exchange.getMessage().getHeader(Exchange.FILE_LAST_MODIFIED, 0L, Long.class);
        byte[] content = exchange.getMessage().getBody(byte[].class);
        String display = exchange.getMessage().getHeader(Exchange.FILE_PATH, name, String.class);
        IntakeClaim claim = new IntakeClaim("inbox", ContentKey.of(name, modified, content), display);
        JobFileIntake.Taken taken = files.take(claim, name, content);
        if (taken.rejected()) {
            exchange.setProperty(FOLDER, ".error");
            exchange.setProperty(REPORT, taken.report());
        } else {
            exchange.setProperty(FOLDER, ".done");
        }
    }
}
