package io.jobdrop.intake.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobdrop.ingest.FileVerdict;
import io.jobdrop.ingest.JobFileReader;
import io.jobdrop.intake.JobFileIntake;
import io.jobdrop.spec.JobJson;
import io.jobdrop.spec.Problem;
import io.jobdrop.store.ImportFire;
import io.jobdrop.store.ImportLedger;
import io.jobdrop.store.IntakeClaim;
import io.jobdrop.store.JobChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Runs the fires of the imports: a scheduled tick, a missed fire at start (catch-up), and whatever the ledger holds
 * unfinished with its lease passed (a fire requested by the CLI or the API, a retry that is due, a fire whose
 * instance died). Every fire is claimed in the ledger before its source is read, so it runs on one instance only;
 * its units then go through the same reader and the same ledger write as a dropped file.
 */
public final class ImportRunner {

    /** The outcome words of a fire (beside the intake's done / error / skipped). */
    public static final String DONE = "done";
    public static final String ERROR = "error";
    public static final String SKIPPED = "skipped";
    public static final String UNREACHABLE = "unreachable";

    private static final Logger LOG = LoggerFactory.getLogger("jobdrop.imports");

    private final ImportCatalog catalog;
    private final ImportLedger fires;
    private final FileSources files;
    private final UrlSources urls;
    private final JobFileReader reader;
    private final JobFileIntake intake;
    private final ImportStatus status;
    private final Clock clock;
    private final Duration lease;
    private final Duration retryInitial;
    private final Duration retryMax;
    private final Instant startedAt;

    public ImportRunner(ImportCatalog catalog, ImportLedger fires, JobFileReader reader, JobFileIntake intake,
                        ImportStatus status, Clock clock, ImportSettings settings) {
        this.catalog = catalog;
        this.fires = fires;
        this.files = new FileSources(reader.limits().fileBytes());
        this.urls = new UrlSources(fires, settings.token(), settings.timeout(), reader.limits().fileBytes());
        this.reader = reader;
        this.intake = intake;
        this.status = status;
        this.clock = clock;
        this.lease = settings.lease();
        this.retryInitial = settings.retryInitial();
        this.retryMax = settings.retryMax();
        // before any schedule route starts: catch-up looks at what happened before this instance ticked
        this.startedAt = clock.instant();
        catalog.enabled().forEach(definition -> status.known(definition.name()));
    }

    /**
     * A tick of the import's schedule: claimed, and run here when this instance's claim made the fire. The fire time
     * is the schedule's newest at or before Quartz's {@code scheduledFireTime}, which is the tick as scheduled, except
     * for a tick that misfired (late start, a slow previous fire): Quartz fires those "now", a time no other instance
     * shares.
     *
     * @return whether this instance ran it
     */
    public boolean scheduled(String name, Date scheduledFireTime) {
        ImportDefinition definition = catalog.find(name).orElseThrow();
        Optional<Instant> fireTime = definition.schedule().latestAtOrBefore(scheduledFireTime.toInstant());
        return fireTime.isPresent() && claimAndRun(definition, fireTime.get(), ImportLedger.SCHEDULED);
    }

    /**
     * At start: the fires missed between the import's newest fire and this instance's start (when its beans were
     * made, before any schedule route ticks), per its catch-up mode; later fire times are the schedule's own, which
     * may tick before or while this runs. Fires in the ledger (another instance ran them) are not missed. An import
     * never fired before has missed nothing (its first fire is its next one).
     */
    public void catchUp() {
        for (ImportDefinition definition : catalog.enabled()) {
            Optional<Instant> last = fires.lastScheduledFireTime(definition.name(), startedAt);
            if (last.isEmpty() || definition.catchUp() == CatchUp.NONE) {
                continue;
            }
            List<Instant> missed = missed(definition.schedule(), last.get(), startedAt).stream()
                    .filter(fireTime -> fires.fire(definition.name(), fireTime).isEmpty()).toList();
            if (missed.isEmpty()) {
                continue;
            }
            LOG.info("import {}: {} fire(s) missed since {}; catch-up {}", definition.name(), missed.size(),
                    last.get(), definition.catchUp().word());
            List<Instant> toRun = definition.catchUp() == CatchUp.LAST ? List.of(missed.get(missed.size() - 1))
                    : missed;
            for (Instant fireTime : toRun) {
                claimAndRun(definition, fireTime, ImportLedger.CATCH_UP);
            }
        }
    }

    /** The fire times after {@code last} up to {@code now}, oldest first, at most the newest CATCH_UP_BOUND. */
    static List<Instant> missed(Schedule schedule, Instant last, Instant now) {
        List<Instant> missed = new ArrayList<>();
        Optional<Instant> next = schedule.next(last);
        while (next.isPresent() && !next.get().isAfter(now)) {
            missed.add(next.get());
            if (missed.size() > ImportCatalog.CATCH_UP_BOUND) {
                missed.remove(0);
            }
            next = schedule.next(next.get());
        }
        return missed;
    }

    /** Runs the unfinished fires whose lease has passed; returns how many this instance took. */
    public int runDue() {
        int ran = 0;
        // only the imports enabled here: the others are declared on another instance, or disabled here
        List<String> served = catalog.enabled().stream().map(ImportDefinition::name).toList();
        for (ImportFire due : fires.due(served, 20)) {
            Optional<ImportFire> mine = fires.takeOver(due.importName(), due.fireTime(), clock.instant().plus(lease));
            if (mine.isPresent()) {
                run(catalog.find(due.importName()).orElseThrow(), mine.get());
                ran++;
            }
        }
        return ran;
    }

    private boolean claimAndRun(ImportDefinition definition, Instant fireTime, String trigger) {
        if (!fires.claim(definition.name(), fireTime, trigger, clock.instant().plus(lease))) {
            return false;
        }
        run(definition, fires.fire(definition.name(), fireTime).orElseThrow());
        return true;
    }

    private void run(ImportDefinition definition, ImportFire fire) {
        String label = Fires.label(definition, fire.fireTime());
        SourceRead read;
        try {
            read = definition.fromUrl() ? urls.read(definition, fire.fireTime())
                    : files.read(definition, fire.fireTime());
        } catch (SourceUnreachable e) {
            unreachable(definition, fire, e.getMessage());
            return;
        }
        status.reachable(definition.name());
        Map<String, String> vars = FireVars.of(definition, fire.fireTime(), fire.run());
        ArrayNode jobs = JobJson.mapper().createArrayNode();
        ArrayNode rejections = JobJson.mapper().createArrayNode();
        int accepted = 0;
        int rejected = 0;
        for (ImportUnit unit : read.units()) {
            FileVerdict verdict = unit.content() == null
                    ? FileVerdict.rejected(unit.name(), List.of(Problem.unplaced(
                            JobFileReader.tooLarge(unit.size(), reader.limits().fileBytes()))), List.of())
                    : reader.read(unit.name(), unit.content(), vars);
            JobFileIntake.Taken taken = intake.record(new IntakeClaim(definition.source(), unit.key(), unit.name()),
                    verdict);
            if (taken.rejected()) {
                rejected++;
                ObjectNode rejection = rejections.addObject();
                rejection.put("unit", unit.name());
                rejection.set("errors", problems(verdict.errors()));
            } else {
                accepted++;
                if (taken.outcome().alreadyRecorded()) {
                    recordedJobs(definition, unit, jobs);
                }
                for (JobChange change : taken.outcome().changes()) {
                    jobs.addObject().put("id", change.jobId()).put("namespace", change.namespace())
                            .put("name", change.name()).put("version", change.version())
                            .put("change", change.change().name().toLowerCase(Locale.ROOT)).put("unit", unit.name());
                }
            }
        }
        read.afterRecorded().forEach(Runnable::run);
        String outcome = rejected > 0 ? ERROR : read.units().isEmpty() ? SKIPPED : DONE;
        String detail = rejected > 0 ? rejections.toString()
                : read.units().isEmpty() ? "nothing new at the source (" + read.unchanged() + " unchanged)" : null;
        if (fires.finish(definition.name(), fire.fireTime(), outcome, detail, jobs.toString(), accepted, rejected)) {
            status.fired(definition.name(), outcome);
            if (rejected > 0) {
                LOG.warn("{}: rejected ({} of {} units): {}", label, rejected, read.units().size(), detail);
            } else {
                LOG.info("{}: {} ({} units, {} jobs)", label, outcome, accepted, jobs.size());
            }
        }
    }

    /**
     * The source could not be read: tried again after a backoff (doubling from retry-initial to retry-max), by
     * whichever instance polls first, until the next fire is due; then the fire ends as unreachable.
     */
    private void unreachable(ImportDefinition definition, ImportFire fire, String cause) {
        status.unreachable(definition.name(), cause);
        Instant now = clock.instant();
        long factor = 1L << Math.min(fire.attempts(), 20);
        Duration wait = retryInitial.multipliedBy(factor);
        if (wait.compareTo(retryMax) > 0) {
            wait = retryMax;
        }
        Instant retryAt = now.plus(wait);
        Optional<Instant> next = definition.schedule().next(fire.fireTime());
        if (next.isEmpty() || !retryAt.isBefore(next.get())) {
            if (fires.finish(definition.name(), fire.fireTime(), UNREACHABLE, cause, "[]", 0, 0)) {
                status.fired(definition.name(), UNREACHABLE);
                LOG.warn("{}: given up, the source was unreachable until the next fire: {}",
                        Fires.label(definition, fire.fireTime()), cause);
            }
            return;
        }
        fires.retryLater(definition.name(), fire.fireTime(), retryAt, cause);
    }

    /**
     * A unit an earlier run of the same fire recorded (the run was cut short, or the fire is run again): it changes
     * nothing now, and the jobs it recorded then are listed, so the fire's result says what the fire imported.
     */
    private void recordedJobs(ImportDefinition definition, ImportUnit unit, ArrayNode jobs) {
        fires.recordedJobs(definition.source(), unit.key()).ifPresent(recorded -> {
            try {
                for (JsonNode job : JobJson.mapper().readTree(recorded)) {
                    jobs.add(((ObjectNode) job).put("unit", unit.name()));
                }
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("the ledger's jobs of " + unit.name() + " are not JSON", e);
            }
        });
    }

    private static ArrayNode problems(List<Problem> problems) {
        ArrayNode array = JobJson.mapper().createArrayNode();
        for (Problem p : problems) {
            array.addObject().put("message", p.message()).put("path", p.path()).put("line", p.line())
                    .put("column", p.column());
        }
        return array;
    }
}
