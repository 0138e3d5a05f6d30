package io.jobdrop.intake.table;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * A table source's series: {@code jobdrop_table_rows_total{table,verdict}} (rows written back),
 * {@code jobdrop_table_poll_failures_total{table}} and {@code jobdrop_table_up{table}} (1 while its polls work).
 */
final class TableMetrics {

    private final Counter accepted;
    private final Counter rejected;
    private final Counter failures;

    TableMetrics(MeterRegistry registry, String table, TableStatus status) {
        this.accepted = rows(registry, table, "accepted");
        this.rejected = rows(registry, table, "rejected");
        this.failures = Counter.builder("jobdrop.table.poll.failures")
                .description("table polls that failed (database or table unavailable)")
                .tag("table", table).register(registry);
        Gauge.builder("jobdrop.table.up", status, s -> s.snapshot().problem() == null ? 1 : 0)
                .description("1 while the table source's polls work, 0 during an outage")
                .tag("table", table).register(registry);
    }

    private static Counter rows(MeterRegistry registry, String table, String verdict) {
        return Counter.builder("jobdrop.table.rows").description("table rows written back, by verdict")
                .tag("table", table).tag("verdict", verdict).register(registry);
    }

    void writtenBack(int acceptedRows, int rejectedRows) {
        accepted.increment(acceptedRows);
        rejected.increment(rejectedRows);
    }

    void pollFailed() {
        failures.increment();
    }
}
