package io.jobdrop.forward;

import io.jobdrop.store.Delivery;
import io.jobdrop.store.OutboxItem;

/**
 * One forward attempt's outcome as the orchestrator gave it, classified: what the ledger must record.
 *
 * @param status the HTTP status, null when no answer came
 */
public record Answer(OutboxItem item, Integer status, long latencyMs, Delivery delivery) {

    /** For log lines: "job j-… (ns/name) v2". */
    public String job() {
        return "job " + item.jobId() + " (" + item.namespace() + "/" + item.name() + ") v" + item.version();
    }
}
