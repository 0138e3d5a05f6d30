package io.jobdrop.intake.imports;

import io.jobdrop.store.ImportFire;
import io.jobdrop.store.ImportLedger;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * DOWN while the source of any import cannot be read, naming each and why; its fire is retried meanwhile. Read from
 * the ledger (each import's newest tried fire: waiting for a retry, or given up as unreachable), not from what this
 * instance saw, so every instance sharing the ledger reports the same state whichever of them ran the fire. Like the
 * buckets' checks it leaves readiness alone: the inbox, the HTTP intake and the queue still take work.
 */
public final class ImportsHealthCheck extends AbstractHealthCheck {

    private final ImportCatalog catalog;
    private final ImportLedger fires;

    public ImportsHealthCheck(ImportCatalog catalog, ImportLedger fires) {
        super("jobdrop", "imports");
        this.catalog = catalog;
        this.fires = fires;
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
        Map<String, String> down = new TreeMap<>();
        for (ImportDefinition definition : catalog.enabled()) {
            Optional<ImportFire> last = fires.lastTried(definition.name());
            if (last.isPresent() && (!last.get().finished() || ImportRunner.UNREACHABLE.equals(last.get().outcome()))) {
                down.put(definition.name(), last.get().detail());
            }
        }
        builder.detail("imports", catalog.enabled().size());
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
