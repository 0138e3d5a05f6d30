package io.jobdrop.intake;

import io.jobdrop.ingest.FileVerdict;
import io.jobdrop.ingest.JobFileReader;
import io.jobdrop.spec.Problem;
import io.jobdrop.store.IntakeClaim;
import io.jobdrop.store.JobLedger;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.support.AsyncProcessorSupport;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;

/**
 * The intake step of the inbox route: judges one stable file and records it in the ledger. The file's identity is its
 * name, mtime and content hash, so a file that was recorded but not yet filed when jobdrop stopped is recognised (and
 * just filed) on restart, while the same name dropped again later is a new submission.
 *
 * <p>Only regular files are read, never through a link, and never more than {@code maxBytes}: a larger file is
 * rejected from its size alone, so a huge or sparse file costs no memory, and one that grows while read is cut off.
 *
 * <p>The step is asynchronous: the file consumer's thread reads the file and goes on to the next one while the file is
 * judged (on the judges' pool, side by side with other files; see {@link JudgedInOrder}) and the ledger commits, so
 * the files of one scan share a few transactions (group commit) instead of one each. The exchange continues, and the
 * file is filed, only once its record is committed; a failed commit fails the exchange and the file stays (and waits
 * for its next try, see {@link RetryBackoff}). At most {@code maxInFlight} files wait for their commit; the consumer
 * waits for room.
 */
public final class InboxIntake extends AsyncProcessorSupport {

    /** Where the file belongs once recorded: {@code .done} or {@code .error}. */
    public static final String FOLDER = "jobdropFolder";
    /** The report written beside a rejected file. */
    public static final String REPORT = "jobdropReport";
    /** The ledger claim the file was recorded under. */
    public static final String CLAIM = "jobdropClaim";
    /** The file key (device and inode) of the file that was read, so that only that file is filed. */
    public static final String FILE_KEY = "jobdropFileKey";
    /** Whether the claim was recorded before (by another instance, or before a restart). */
    public static final String ALREADY_RECORDED = "jobdropAlreadyRecorded";

    static final String UNREADABLE = "cannot read the job file: permission denied (jobdrop runs as %s)";

    private final JobFileIntake files;
    private final JudgedInOrder judged;
    private final Semaphore inFlight;
    private final long maxBytes;
    private final RetryBackoff backoff;

    /** Judges each file on the consumer's thread. */
    public InboxIntake(JobFileIntake files, int maxInFlight, long maxBytes, RetryBackoff backoff) {
        this(files, Runnable::run, maxInFlight, maxBytes, backoff);
    }

    /** @param judges where files are judged, side by side; their records are still submitted in scan order */
    public InboxIntake(JobFileIntake files, Executor judges, int maxInFlight, long maxBytes, RetryBackoff backoff) {
        this.files = files;
        this.judged = new JudgedInOrder(files, judges);
        this.inFlight = new Semaphore(maxInFlight);
        this.maxBytes = maxBytes;
        this.backoff = backoff;
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
        String path = path(exchange).toString();
        try {
            submit(exchange).whenComplete((taken, failure) -> {
                inFlight.release();
                if (failure != null) {
                    backoff.failed(path);
                    exchange.setException(JobLedger.unwrap(failure));
                } else {
                    exchange.setProperty(FOLDER, taken.rejected() ? ".error" : ".done");
                    exchange.setProperty(ALREADY_RECORDED, taken.outcome().alreadyRecorded());
                    if (taken.rejected()) {
                        exchange.setProperty(REPORT, taken.report());
                    }
                }
                callback.done(false);
            });
            return false;
        } catch (NoSuchFileException gone) {
            inFlight.release();
            exchange.setException(gone);
            callback.done(true);
            return true;
        } catch (Exception e) {
            inFlight.release();
            backoff.failed(path);
            exchange.setException(e);
            callback.done(true);
            return true;
        }
    }

    /**
     * @throws NoSuchFileException when the file is gone, or is no longer a regular file: the exchange of an earlier
     *                             scan filed it between this scan's listing and its claim (the consumer scans while
     *                             earlier files are still committing), or it was replaced by a link or a FIFO
     */
    private CompletableFuture<JobFileIntake.Taken> submit(Exchange exchange) throws Exception {
        String name = exchange.getMessage().getHeader(Exchange.FILE_NAME, String.class);
        long modified = exchange.getMessage().getHeader(Exchange.FILE_LAST_MODIFIED, 0L, Long.class);
        String display = exchange.getMessage().getHeader(Exchange.FILE_PATH, name, String.class);
        Path path = path(exchange);
        BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class,
                LinkOption.NOFOLLOW_LINKS);
        if (!attributes.isRegularFile()) {
            throw new NoSuchFileException(path.toString(), null, "no longer a regular file");
        }
        exchange.setProperty(FILE_KEY, attributes.fileKey());
        if (attributes.size() > maxBytes) {
            return reject(exchange, new IntakeClaim("inbox", name + "|" + modified + "|size:" + attributes.size(),
                    display), name, JobFileReader.tooLarge(attributes.size(), maxBytes));
        }
        byte[] content;
        try {
            content = readAtMost(path, maxBytes);
        } catch (AccessDeniedException e) {
            return reject(exchange, new IntakeClaim("inbox", name + "|" + modified + "|unreadable", display), name,
                    UNREADABLE.formatted(System.getProperty("user.name")));
        }
        IntakeClaim claim = new IntakeClaim("inbox", ContentKey.of(name, modified, content), display);
        if (content.length > maxBytes) { // it grew while it was read
            return reject(exchange, claim, name, JobFileReader.tooLarge(content.length, maxBytes).replace(" is ",
                    " is at least "));
        }
        exchange.setProperty(CLAIM, claim);
        return judged.submit(claim, name, content);
    }

    private CompletableFuture<JobFileIntake.Taken> reject(Exchange exchange, IntakeClaim claim, String name,
                                                          String message) {
        exchange.setProperty(CLAIM, claim);
        return files.submit(claim, FileVerdict.rejected(name, List.of(Problem.unplaced(message)), List.of()));
    }

    /**
     * At most one byte more than allowed, however large the file has grown since its size was checked: enough to know
     * it is too large. No link is followed.
     */
    static byte[] readAtMost(Path path, long maxBytes) throws IOException {
        try (InputStream in = Files.newInputStream(path, LinkOption.NOFOLLOW_LINKS)) {
            return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        }
    }

    /** Absolute, as the filter sees it, so both name the file the same way in {@link RetryBackoff}. */
    static Path path(Exchange exchange) {
        return exchange.getMessage().getBody(File.class).toPath().toAbsolutePath().normalize();
    }
}
