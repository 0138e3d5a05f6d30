package io.jobdrop.intake.imports;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

import java.util.Map;

/**
 * DOWN while the source of any import cannot be read, naming each and why; its fire is retried meanwhile. Like the
 * buckets' checks it leaves readiness alone: the inbox, the HTTP intake and the queue still take work.
 */
public final class ImportsHealthCheck extends AbstractHealthCheck {

    private final ImportStatus status;
    private final int imports;

    public ImportsHealthCheck(ImportStatus status, int imports) {
        super("jobdrop", "imports");
        this.status = status;
        this.imports = imports;
    }

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
        Map<String, String> down = status.unreachable();
        builder.detail("imports", imports);
        down.forEach((name, cause) -> builder.detail("import." + name, cause));
        if (down.isEmpty()) {
            builder.up();
        } else {
            // the message is what /observe/health shows without details: each import with its cause
            builder.message("unreachable: " + String.join("; ", down.entrySet().stream()
                    .map(e -> e.getKey() + " (" + e.getValue() + ")").toList())).down();
        }
    }
}
