package io.jobdrop.cli;

import io.jobdrop.app.Settings;
import io.jobdrop.app.Settings.Flag;
import io.jobdrop.intake.imports.ImportCatalog;
import io.jobdrop.intake.imports.ImportView;
import io.jobdrop.intake.imports.ImportsWiring;
import io.jobdrop.spec.JobJson;
import io.jobdrop.store.ImportLedger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code jobdrop imports}: the scheduled imports of the imports folder, with their last fire and its outcome (from
 * the ledger) and their next fire; {@code jobdrop imports fire NAME}: a fire now, recorded in the ledger, which the
 * running instances serving the import pick up within their poll (jobdrop.imports.poll-ms).
 */
@Command(name = "imports", mixinStandardHelpOptions = true, versionProvider = Jobdrop.Version.class,
        description = "List the scheduled imports: schedule, last fire and its outcome, next fire.",
        subcommands = ImportsCommand.Fire.class)
final class ImportsCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    LedgerOptions ledgerOptions;

    @Option(names = "--imports-dir", paramLabel = "DIR",
            description = "The imports folder, as given to `run` (env JOBDROP_IMPORTS_DIR; default ./imports).")
    String importsDir;

    @Option(names = "--json", description = "One JSON object per import per line.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        ImportCatalog catalog = catalog(importsDir);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (LedgerOptions.OpenLedger open = ledgerOptions.open()) {
            ImportView view = view(catalog, open);
            List<Map<String, Object>> imports = view.list(Instant.now());
            if (json) {
                for (Map<String, Object> entry : imports) {
                    out.println(JobJson.mapper().writeValueAsString(entry));
                }
            } else {
                out.printf("%-24s %-18s %-26s %-12s %s%n", "NAME", "SCHEDULE", "LAST FIRE", "OUTCOME", "NEXT FIRE");
                for (Map<String, Object> entry : imports) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> last = (Map<String, Object>) entry.get("last_fire");
                    out.printf("%-24s %-18s %-26s %-12s %s%n", entry.get("name"), entry.get("schedule"),
                            last == null ? "-" : last.get("fire_time"), last == null ? "-" : last.get("outcome"),
                            Boolean.TRUE.equals(entry.get("enabled")) ? orDash(entry.get("next_fire")) : "disabled");
                }
            }
            if (imports.isEmpty()) {
                err.println("jobdrop imports: no imports in " + catalog.folder());
            }
            view.problems().forEach(problem -> err.println("jobdrop imports: not loaded: " + problem));
        }
        out.flush();
        err.flush();
        return 0;
    }

    private static String orDash(Object value) {
        return value == null ? "-" : value.toString();
    }

    static ImportCatalog catalog(String dir) {
        return ImportsWiring.catalog(Settings.resolve(List.of(new Flag(ImportsWiring.DIR, "--imports-dir", dir))));
    }

    static ImportView view(ImportCatalog catalog, LedgerOptions.OpenLedger open) {
        return new ImportView(catalog, new ImportLedger(open.dataSource(), Clock.systemUTC(),
                "cli-" + ProcessHandle.current().pid()));
    }

    /** {@code jobdrop imports fire NAME [--wait D]}. */
    @Command(name = "fire", mixinStandardHelpOptions = true, versionProvider = Jobdrop.Version.class,
            description = "Fire an import now. The fire is recorded in the ledger; a running jobdrop serving the"
                    + " import runs it within its poll. Exit 0 once requested (with --wait: once done or skipped),"
                    + " 1 when the fire was rejected or its source unreachable, or nothing ran it in time.")
    static final class Fire implements Callable<Integer> {

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Mixin
        LedgerOptions ledgerOptions;

        @Option(names = "--imports-dir", paramLabel = "DIR",
                description = "The imports folder, as given to `run` (env JOBDROP_IMPORTS_DIR; default ./imports).")
        String importsDir;

        @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "0",
                description = "Wait up to this long for the fire's outcome and print it (default: do not wait).")
        int waitSeconds;

        @Parameters(paramLabel = "NAME", description = "The import to fire.")
        String name;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            ImportCatalog catalog = catalog(importsDir);
            try (LedgerOptions.OpenLedger open = ledgerOptions.open()) {
                ImportView view = view(catalog, open);
                Optional<Instant> requested = view.request(name, Instant.now());
                if (requested.isEmpty()) {
                    err.println("jobdrop imports fire: no enabled import named '" + name + "' in " + catalog.folder());
                    err.flush();
                    return 2;
                }
                Instant fireTime = requested.get();
                out.println("requested import:" + name + "@" + fireTime);
                out.flush();
                if (waitSeconds <= 0) {
                    return 0;
                }
                Instant deadline = Instant.now().plus(Duration.ofSeconds(waitSeconds));
                while (Instant.now().isBefore(deadline)) {
                    Optional<Map<String, Object>> fire = view.fires(name, 50).stream()
                            .filter(f -> f.get("fire_time").equals(fireTime.toString())).findFirst();
                    Object outcome = fire.map(f -> f.get("outcome")).orElse("pending");
                    if (!"pending".equals(outcome)) {
                        out.println(JobJson.mapper().writeValueAsString(fire.get()));
                        out.flush();
                        return "done".equals(outcome) || "skipped".equals(outcome) ? 0 : 1;
                    }
                    Thread.sleep(200);
                }
                err.println("jobdrop imports fire: still pending after " + waitSeconds + " s; is a jobdrop serving '"
                        + name + "' running on this ledger?");
                err.flush();
                return 1;
            }
        }
    }
}
