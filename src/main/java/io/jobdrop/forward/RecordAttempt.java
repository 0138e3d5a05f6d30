package io.jobdrop.forward;

import io.jobdrop.store.JobLedger;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.support.AsyncProcessorSupport;

import java.util.concurrent.Executor;

/**
 * The last step of a forward attempt, answered or not: records it in the ledger without holding the forwarding thread
 * while the ledger commits, so the attempts of a batch share a few transactions (group commit). The exchange is done
 * once its attempt is committed; it goes on on the {@code committed} executor, off the ledger's writer.
 */
public final class RecordAttempt extends AsyncProcessorSupport {

    private final OutboxForwarder forwarder;
    private final Executor committed;

    public RecordAttempt(OutboxForwarder forwarder, Executor committed) {
        this.forwarder = forwarder;
        this.committed = committed;
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        try {
            forwarder.finish(exchange).whenCompleteAsync((recorded, failure) -> {
                if (failure != null) {
                    exchange.setException(JobLedger.unwrap(failure));
                }
                callback.done(false);
            }, committed);
            return false;
        } catch (RuntimeException e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
    }
}
