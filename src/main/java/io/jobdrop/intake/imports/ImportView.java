package io.jobdrop.intake.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.jobdrop.spec.JobJson;
import io.jobdrop.store.ImportFire;
import io.jobdrop.store.ImportLedger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What `jobdrop imports` and {@code GET /api/v1/imports} show: each import with its schedule, its newest fire and
 * that fire's outcome, and its next fire; then the problems found in the import files.
 */
public final class ImportView {

    private final ImportCatalog catalog;
    private final ImportLedger fires;

    public ImportView(ImportCatalog catalog, ImportLedger fires) {
        this.catalog = catalog;
        this.fires = fires;
    }

    public ImportCatalog catalog() {
        return catalog;
    }

    /** One entry per import: name, schedule, timezone, from, enabled, catch_up, last_fire, next_fire. */
    public List<Map<String, Object>> list(Instant now) {
        List<Map<String, Object>> imports = new ArrayList<>();
        for (ImportDefinition definition : catalog.all()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", definition.name());
            entry.put("schedule", definition.schedule().text());
            entry.put("timezone", definition.schedule().zone().getId());
            entry.put("from", definition.from());
            entry.put("enabled", definition.enabled());
            entry.put("catch_up", definition.catchUp().word());
            entry.put("last_fire", fires.fires(definition.name(), 1).stream().findFirst().map(ImportView::fire)
                    .orElse(null));
            entry.put("next_fire", definition.enabled()
                    ? definition.schedule().next(now).map(Instant::toString).orElse(null) : null);
            imports.add(entry);
        }
        return imports;
    }

    /** The problems of the import files as {@code file:line:column: message}. */
    public List<String> problems() {
        return catalog.problems().stream().map(ImportProblem::toString).toList();
    }

    /** The newest fires of one import, newest first. */
    public List<Map<String, Object>> fires(String name, int limit) {
        return fires.fires(name, limit).stream().map(ImportView::fire).toList();
    }

    /**
     * Asks for a fire of {@code name} now; a running instance serving the import runs it within its poll. Empty when
     * there is no such enabled import; the fire time otherwise.
     */
    public Optional<Instant> request(String name, Instant now) {
        if (catalog.find(name).filter(ImportDefinition::enabled).isEmpty()) {
            return Optional.empty();
        }
        Instant fireTime = now.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        while (!fires.request(name, fireTime)) {
            fireTime = fireTime.plusMillis(1); // two requests in one millisecond are two fires
        }
        return Optional.of(fireTime);
    }

    /** The fire's JSON columns as JSON (a rejection's reports, the jobs), anything else as text. */
    private static Object json(String text) {
        if (text == null || !text.startsWith("[")) {
            return text;
        }
        try {
            return JobJson.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            return text;
        }
    }

    static Map<String, Object> fire(ImportFire fire) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("fire_time", fire.fireTime().toString());
        entry.put("run", fire.run());
        entry.put("trigger", fire.trigger());
        entry.put("outcome", fire.outcome() == null ? "pending" : fire.outcome());
        entry.put("attempts", fire.attempts());
        entry.put("claimed_by", fire.claimedBy());
        entry.put("accepted", fire.accepted());
        entry.put("rejected", fire.rejected());
        entry.put("detail", json(fire.detail()));
        entry.put("jobs", fire.jobs() == null ? List.of() : json(fire.jobs()));
        entry.put("source", "import:" + fire.importName() + "@" + fire.fireTime());
        entry.put("finished_at", fire.finishedAt() == null ? null : fire.finishedAt().toString());
        return entry;
    }
}
