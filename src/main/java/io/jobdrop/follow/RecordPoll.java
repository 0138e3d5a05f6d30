package io.jobdrop.follow;

import io.jobdrop.store.JobLedger;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.support.AsyncProcessorSupport;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The last step of a poll, answered or not: records what it decided without holding the follow thread while the
 * ledger commits, so the polls of a round share a few transactions (group commit) instead of one each. The exchange
 * is done once the poll is committed; it goes on on the {@code committed} executor, off the ledger's writer. When
 * the ledger cannot take it, the exchange fails with the ledger's exception and the error policy reports the outage;
 * the claimed follow keeps its due time and lease, so it is polled again once the lease runs out.
 */
public final class RecordPoll extends AsyncProcessorSupport {

    private final JobFollower follower;
    private final Executor committed;

    public RecordPoll(JobFollower follower, Executor committed) {
        this.follower = follower;
        this.committed = committed;
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        JobFollower.Poll poll;
        CompletableFuture<Void> recorded;
        try {
            poll = follower.answer(exchange);
            recorded = follower.record(poll);
        } catch (RuntimeException e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        recorded.whenCompleteAsync((ok, failure) -> {
            if (failure == null) {
                follower.recorded(poll);
            } else {
                exchange.setException(JobLedger.unwrap(failure));
            }
            callback.done(false);
        }, committed);
        return false;
    }
}
