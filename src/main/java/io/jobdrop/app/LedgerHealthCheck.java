package io.jobdrop.app;

import io.jobdrop.store.JobLedger;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

import java.util.Map;

/** DOWN while the ledger database does not answer: intake and forwarding wait, nothing is lost. */
final class LedgerHealthCheck extends AbstractHealthCheck {

    private final JobLedger ledger;

    LedgerHealthCheck(JobLedger ledger) {
        super("jobdrop", "ledger");
        this.ledger = ledger;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        try {
            ledger.ping();
            builder.up();
        } catch (RuntimeException e) {
            builder.message("ledger database unreachable: " + Outages.describe(e)).down();
        }
    }
}
