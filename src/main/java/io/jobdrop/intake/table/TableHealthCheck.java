package io.jobdrop.intake.table;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

import java.util.Map;

/**
 * DOWN while a table source's polls fail (database down, table missing, credentials refused), with the database's
 * own words; the rows wait in the table meanwhile and intake resumes by itself. Reads what the route found out, so a
 * health probe costs the database nothing.
 */
public final class TableHealthCheck extends AbstractHealthCheck {

    private final String table;
    private final TableStatus status;

    public TableHealthCheck(String id, String table, TableStatus status) {
        super("jobdrop", id);
        this.table = table;
        this.status = status;
    }

    /** A table whose database is down does not make jobdrop unready: the inbox and the queue still take work. */
    @Override
    public boolean isReadiness() {
        return false;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        TableStatus.Snapshot now = status.snapshot();
        builder.detail("table", table);
        builder.detail("failures", now.failures());
        if (now.lastPolled() != null) {
            builder.detail("lastPolled", now.lastPolled().toString());
        }
        if (now.problem() == null) {
            builder.up();
        } else {
            builder.message(now.problem()).down();
        }
    }
}
