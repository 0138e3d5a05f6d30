package io.jobdrop.intake;

import io.jobdrop.ingest.FileVerdict;
import io.jobdrop.ingest.JobFileReader;
import io.jobdrop.ingest.VerdictReport;
import io.jobdrop.spec.parse.GoUtf8;
import io.jobdrop.store.Disposition;
import io.jobdrop.store.FileOutcome;
import io.jobdrop.store.IntakeClaim;
import io.jobdrop.store.IntakeAnswering;
import io.jobdrop.store.JobLedger;
import io.jobdrop.store.KeyedOutcome;

import org.slf4j.MDC;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * What every intake (inbox folder, bucket) does with one job file once it has its bytes: judge it, record the claim and
 * the verdict in the ledger (atomically, as one write of its group commit), and log one line per outcome. Where the
 * file goes afterwards is the caller's business; it must move it only after the record is committed, so a ledger
 * failure leaves it in place.
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
    private final Executor completions;
    private final IntakeObserver observer;

    /** @param completions runs what follows a commit (logging, the caller's continuation), off the ledger's writer */
    public JobFileIntake(JobFileReader reader, JobLedger ledger, IntakeLog log, Executor completions) {
        this(reader, ledger, log, completions, IntakeObserver.NONE);
    }

    /** @param observer told of each unit once committed (metrics) */
    public JobFileIntake(JobFileReader reader, JobLedger ledger, IntakeLog log, Executor completions,
                         IntakeObserver observer) {
        this.reader = reader;
        this.ledger = ledger;
        this.log = log;
        this.completions = completions;
        this.observer = observer;
    }

    /** @param file the name the verdict and its report carry */
    public Taken take(IntakeClaim claim, String file, byte[] content) {
        return JobLedger.await(submit(claim, file, content));
    }

    /**
     * {@link #take} without waiting for the ledger: the file is judged on the caller's thread, and the future
     * completes on the completions executor once the verdict is committed (the ledger commits the records submitted
     * together in one transaction).
     */
    public CompletableFuture<Taken> submit(IntakeClaim claim, String file, byte[] content) {
        return submit(claim, judge(file, content), content, MDC.getCopyOfContextMap());
    }

    /** The verdict on a file, without recording it: the first half of {@link #submit(IntakeClaim, String, byte[])}. */
    FileVerdict judge(String file, byte[] content) {
        return reader.read(file, content);
    }

    /**
     * The second half of {@link #submit(IntakeClaim, String, byte[])}: records the verdict {@link #judge} reached on
     * {@code content}, logging the outcome under {@code mdc} (the route that took the file; the caller may be a
     * thread of its own).
     */
    CompletableFuture<Taken> submit(IntakeClaim claim, FileVerdict verdict, byte[] content, Map<String, String> mdc) {
        return submit(claim, verdict, rejectedText(verdict, content), mdc);
    }

    /** Records a verdict reached without reading the file (one too large to read, for instance). */
    public Taken record(IntakeClaim claim, FileVerdict verdict) {
        return JobLedger.await(submit(claim, verdict));
    }

    /**
     * Records a verdict for a caller that answers with it (an HTTP request): {@code answering} builds the answer in
     * the recording transaction, and with an idempotency {@code key} the answer is kept with the record, so a repeat
     * within {@code keyLifetime} gets it back and records nothing. Completes on the completions executor.
     */
    public CompletableFuture<KeyedOutcome> submitAnswered(IntakeClaim claim, FileVerdict verdict, String key,
                                                          Duration keyLifetime, IntakeAnswering answering) {
        return submitAnswered(claim, verdict, null, key, keyLifetime, answering);
    }

    /** {@link #submitAnswered} keeping the text of a rejected {@code content} with the rejection (the dashboard). */
    public CompletableFuture<KeyedOutcome> submitAnswered(IntakeClaim claim, FileVerdict verdict, byte[] content,
                                                          String key, Duration keyLifetime,
                                                          IntakeAnswering answering) {
        Map<String, String> route = MDC.getCopyOfContextMap();
        return ledger.submitAnswered(claim, verdict, rejectedText(verdict, content), key, keyLifetime, answering)
                .thenApplyAsync(keyed -> {
                    if (!keyed.repeated()) {
                        logWith(route, () -> log.outcome(claim, verdict, keyed.outcome()));
                        observer.taken(claim.source(), verdict, keyed.outcome());
                    }
                    return keyed;
                }, completions);
    }

    /** {@link #record} without waiting for the ledger. */
    public CompletableFuture<Taken> submit(IntakeClaim claim, FileVerdict verdict) {
        return submit(claim, verdict, (String) null, MDC.getCopyOfContextMap());
    }

    private CompletableFuture<Taken> submit(IntakeClaim claim, FileVerdict verdict, String rejectedText,
                                            Map<String, String> route) {
        return ledger.submitFile(claim, verdict, rejectedText).thenApplyAsync(outcome -> {
            logWith(route, () -> log.outcome(claim, verdict, outcome));
            if (!outcome.alreadyRecorded()) {
                observer.taken(claim.source(), verdict, outcome);
            }
            return new Taken(verdict, outcome);
        }, completions);
    }

    /**
     * The text a rejected unit was judged on, kept with the rejection so its report can mark the lines its errors
     * name; at most jobdrop.limits.file-bytes (a reader rejects more unread). Decoded as the reader decodes it (UTF-16
     * after a byte order mark, else UTF-8), bytes that are not text show as U+FFFD, and so does NUL: PostgreSQL refuses
     * it in text, and a rejection that cannot be recorded would block the inbox. Null for an accepted unit: its jobs
     * are kept instead.
     */
    private String rejectedText(FileVerdict verdict, byte[] content) {
        if (verdict.accepted() || content == null) {
            return null;
        }
        int length = (int) Math.min(content.length, reader.limits().fileBytes());
        return GoUtf8.lenient(Arrays.copyOf(content, length)).replace('\u0000', '\uFFFD');
    }

    /**
     * Logs on the completions thread with the submitting thread's MDC (Camel's route and exchange, with
     * camel.main.useMdcLogging), so the outcome line names the route that took the unit.
     */
    private static void logWith(Map<String, String> mdc, Runnable logging) {
        if (mdc == null) {
            logging.run();
            return;
        }
        Map<String, String> own = MDC.getCopyOfContextMap();
        MDC.setContextMap(mdc);
        try {
            logging.run();
        } finally {
            if (own == null) {
                MDC.clear();
            } else {
                MDC.setContextMap(own);
            }
        }
    }
}
