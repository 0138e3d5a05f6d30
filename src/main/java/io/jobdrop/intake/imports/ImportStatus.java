package io.jobdrop.intake.imports;

import io.jobdrop.app.Outages;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What this instance knows of its imports' sources: which cannot be read right now and why. Feeds the outage log
 * (one WARN when a source becomes unreachable, one INFO when it is back: {@link Outages}, under
 * {@code import <name>}) and the metrics {@code jobdrop_import_fires_total{import,outcome}} and
 * {@code jobdrop_import_unreachable{import}}.
 */
public final class ImportStatus {

    private final Map<String, String> unreachable = new ConcurrentHashMap<>();
    private final Outages outages;
    private final MeterRegistry registry;

    public ImportStatus(Outages outages, MeterRegistry registry) {
        this.outages = outages;
        this.registry = registry;
    }

    void known(String importName) {
        Gauge.builder("jobdrop.import.unreachable", unreachable, u -> u.containsKey(importName) ? 1 : 0)
                .description("1 while the import's source cannot be read (its fire is retried until the next one)")
                .tag("import", importName).register(registry);
    }

    void unreachable(String importName, String cause) {
        unreachable.put(importName, cause);
        outages.failing("import " + importName, cause);
    }

    void reachable(String importName) {
        unreachable.remove(importName);
        outages.recovered("import " + importName);
    }

    void fired(String importName, String outcome) {
        Counter.builder("jobdrop.import.fires").description("import fires finished by this instance, by outcome")
                .tag("import", importName).tag("outcome", outcome).register(registry).increment();
    }
}
