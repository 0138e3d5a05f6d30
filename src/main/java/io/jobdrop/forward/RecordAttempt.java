package io.jobdrop.forward;

import io.jobdrop.store.JobLedger;
import io.jobdrop.store.LedgerUnavailableException;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.support.AsyncProcessorSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * The last step of a forward attempt, answered or not: records it in the ledger without holding the forwarding thread
 * while the ledger commits, so the attempts of a batch share a few transactions (group commit). The exchange is done
 * once its attempt is committed; it goes on on the {@code committed} executor, off the ledger's writer.
 * <p>
 * The answer is classified once. When the ledger cannot take it (the database is down), the same answer is
 * submitted again, with backoff, until it is committed: a 200 stays a 200, whatever the ledger did. The exchange
 * waits meanwhile, so what is held is at most one forward batch. If jobdrop stops first, the answer is dropped: the
 * lease runs out, the job is sent again and the orchestrator, which matches jobs by Name, answers "no changes
 * detected". The outage itself is reported by the ledger's listener, once; no exception reaches the route.
 */
public final class RecordAttempt extends AsyncProcessorSupport {

    private static final Logger LOG = LoggerFactory.getLogger("jobdrop.forward");
    /** A write that fails on its own (not because the database is down) is a bug; it is not tried for ever. */
    private static final int MAX_TRIES_OF_A_FAILING_WRITE = 3;
    private static final long FIRST_RETRY_MS = 100;
    private static final long MAX_RETRY_MS = 2_000;

    private final OutboxForwarder forwarder;
    private final Executor committed;

    public RecordAttempt(OutboxForwarder forwarder, Executor committed) {
        this.forwarder = forwarder;
        this.committed = committed;
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        Answer answer;
        try {
            answer = forwarder.answer(exchange);
        } catch (RuntimeException e) {
            // nothing to record without an item; the error policy must not see this again (it would call us again)
            LOG.error("cannot record a forward attempt: {}", ResponseClassifier.describe(e));
            callback.done(true);
            return true;
        }
        record(exchange, answer, callback, 1, FIRST_RETRY_MS);
        return false;
    }

    private void record(Exchange exchange, Answer answer, AsyncCallback callback, int tries, long retryMs) {
        CompletableFuture<Void> recorded;
        try {
            recorded = forwarder.record(answer);
        } catch (RuntimeException e) {
            recorded = CompletableFuture.failedFuture(e);
        }
        recorded.whenCompleteAsync((ok, failure) -> {
            if (failure == null) {
                callback.done(false);
                return;
            }
            RuntimeException cause = JobLedger.unwrap(failure);
            boolean outage = cause instanceof LedgerUnavailableException;
            if (exchange.getContext().isStopping() || exchange.getContext().isStopped()) {
                LOG.warn("{}: the orchestrator's answer ({}) was not recorded before jobdrop stopped; the job is sent "
                        + "again once its lease runs out", answer.job(), answered(answer));
                callback.done(false);
            } else if (!outage && tries >= MAX_TRIES_OF_A_FAILING_WRITE) {
                LOG.error("{}: cannot record the orchestrator's answer ({}): {}; the job is sent again once its lease "
                        + "runs out", answer.job(), answered(answer), ResponseClassifier.describe(cause));
                callback.done(false);
            } else {
                Executor later = CompletableFuture.delayedExecutor(retryMs, TimeUnit.MILLISECONDS, committed);
                later.execute(() -> record(exchange, answer, callback, tries + 1, Math.min(MAX_RETRY_MS, retryMs * 2)));
            }
        }, committed);
    }

    private static String answered(Answer answer) {
        return answer.status() == null ? "no answer" : "HTTP " + answer.status();
    }
}
