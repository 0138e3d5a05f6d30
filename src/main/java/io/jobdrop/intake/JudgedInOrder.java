package io.jobdrop.intake;

import io.jobdrop.ingest.FileVerdict;
import io.jobdrop.store.IntakeClaim;
import org.slf4j.MDC;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Judges the files of the inbox scan side by side on the judges' pool, and hands their verdicts to the ledger in the
 * order the scan took them. Judging (parsing, validating, stamping) is most of a file's work, and one scan thread did
 * it all; the order still matters when two files of one scan name the same job, since the later one is its next
 * version. One thread submits (the scan); the hand-over runs on whichever thread finishes last, a judge or the scan.
 */
final class JudgedInOrder {

    private final JobFileIntake files;
    private final Executor judges;
    /** Completes once the file submitted last is handed to the ledger (whether it was judged or not). */
    private CompletableFuture<Void> handedOver = CompletableFuture.completedFuture(null);

    JudgedInOrder(JobFileIntake files, Executor judges) {
        this.files = files;
        this.judges = judges;
    }

    /**
     * {@link JobFileIntake#submit(IntakeClaim, String, byte[])} with the judging on the pool. A file the reader fails
     * on (an Error such as running out of memory) fails alone, with an exception naming it; the files after it go on.
     */
    CompletableFuture<JobFileIntake.Taken> submit(IntakeClaim claim, String file, byte[] content) {
        Map<String, String> route = MDC.getCopyOfContextMap();
        CompletableFuture<FileVerdict> verdict = CompletableFuture.supplyAsync(() -> judge(file, content), judges);
        CompletableFuture<CompletableFuture<JobFileIntake.Taken>> recorded =
                handedOver.thenCombine(verdict, (before, judged) -> files.submit(claim, judged, content, route));
        handedOver = recorded.handle((ignored, failure) -> null);
        return recorded.thenCompose(taken -> taken);
    }

    private FileVerdict judge(String file, byte[] content) {
        try {
            return files.judge(file, content);
        } catch (Error e) {
            throw new IllegalStateException("cannot judge " + file + ": " + e, e);
        }
    }
}
