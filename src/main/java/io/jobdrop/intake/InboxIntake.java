package io.jobdrop.intake;

import io.jobdrop.store.IntakeClaim;
import io.jobdrop.store.JobLedger;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.support.AsyncProcessorSupport;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

/**
 * The intake step of the inbox route: judges one stable file and records it in the ledger. The file's identity is its
 * name, mtime and content hash, so a file that was recorded but not yet moved when jobdrop stopped is recognised (and
 * just moved) on restart, while the same name dropped again later is a new submission.
 *
 * <p>The step is asynchronous: the file consumer's thread reads and judges the file and goes on to the next one while
 * the ledger commits, so the files of one scan share a few transactions (group commit) instead of one each. The
 * exchange continues, and the file is moved, only once its record is committed; a failed commit fails the exchange
 * and the file stays. At most {@code maxInFlight} files wait for their commit; the consumer waits for room.
 */
public final class InboxIntake extends AsyncProcessorSupport {

    /** Where the file consumer moves the file after commit: {@code .done} or {@code .error}. */
    public static final String FOLDER = "jobdropFolder";
    /** The report written beside a rejected file. */
    public static final String REPORT = "jobdropReport";

    private final JobFileIntake files;
    private final Semaphore inFlight;

    public InboxIntake(JobFileIntake files, int maxInFlight) {
        this.files = files;
        this.inFlight = new Semaphore(maxInFlight);
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        try {
            inFlight.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        try {
            submit(exchange).whenComplete((taken, failure) -> {
                inFlight.release();
                if (failure != null) {
                    exchange.setException(JobLedger.unwrap(failure));
                } else if (taken.rejected()) {
                    exchange.setProperty(FOLDER, ".error");
                    exchange.setProperty(REPORT, taken.report());
                } else {
                    exchange.setProperty(FOLDER, ".done");
                }
                callback.done(false);
            });
            return false;
        } catch (Exception e) {
            inFlight.release();
            exchange.setException(e);
            callback.done(true);
            return true;
        }
    }

    /**
     * @throws NoSuchFileException when the file is gone: the exchange of an earlier scan moved it between this scan's
     *                             listing and its claim (the consumer scans while earlier files are still committing)
     */
    private CompletableFuture<JobFileIntake.Taken> submit(Exchange exchange) throws Exception {
        String name = exchange.getMessage().getHeader(Exchange.FILE_NAME, String.class);
        long modified = exchange.getMessage().getHeader(Exchange.FILE_LAST_MODIFIED, 0L, Long.class);
        byte[] content = Files.readAllBytes(exchange.getMessage().getMandatoryBody(File.class).toPath());
        String display = exchange.getMessage().getHeader(Exchange.FILE_PATH, name, String.class);
        IntakeClaim claim = new IntakeClaim("inbox", ContentKey.of(name, modified, content), display);
        return files.submit(claim, name, content);
    }
}
