package io.jobdrop.intake.imports;

import io.jobdrop.app.Outages;
import io.jobdrop.app.SettingException;
import io.jobdrop.app.Settings;
import io.jobdrop.ingest.JobFileReader;
import io.jobdrop.intake.JobFileIntake;
import io.jobdrop.store.ImportLedger;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.Registry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The scheduled imports' beans, bound for routes/imports.camel.yaml and the status API: the catalog read from
 * jobdrop.imports.dir, the fire runner, its health check, and the routes' parameters. A problem in an import file is
 * logged at start (file:line:column) and leaves the other imports running; fires are claimed under the context's
 * instance id, the one its outbox and cluster leases carry; a folder that was set but does not exist
 * stops the start, since the user meant imports to run.
 */
public final class ImportsWiring {

    public static final String DIR = "jobdrop.imports.dir";
    private static final Logger LOG = LoggerFactory.getLogger("jobdrop.imports");

    private ImportsWiring() {
    }

    public static void bind(CamelContext context, Settings props, DataSource dataSource, JobFileReader reader,
                            JobFileIntake intake, Clock clock, String instanceId) {
        Registry registry = context.getRegistry();
        ImportCatalog catalog = catalog(props);
        catalog.problems().forEach(problem -> LOG.warn("import not loaded: {}", problem));
        ImportLedger fires = new ImportLedger(dataSource, clock, instanceId);
        ImportStatus status = new ImportStatus(registry.lookupByNameAndType("outages", Outages.class),
                registry.lookupByNameAndType("metricsRegistry", MeterRegistry.class));
        ImportSettings settings = new ImportSettings(props.secret("jobdrop.imports.token"),
                props.duration("jobdrop.imports.timeout"), props.duration("jobdrop.imports.lease"),
                props.duration("jobdrop.imports.retry-initial"), props.duration("jobdrop.imports.retry-max"));
        registry.bind("importRunner", new ImportRunner(catalog, fires, reader, intake, status, clock, settings));
        registry.bind("importView", new ImportView(catalog, fires));
        registry.bind("importsHealth", new ImportsHealthCheck(catalog, fires));
        registry.bind("importRoutes", new ImportRoutes(catalog));
        if (!catalog.all().isEmpty() || !catalog.problems().isEmpty()) {
            LOG.info("imports from {}: {} enabled, {} disabled, {} not loaded", catalog.folder(),
                    catalog.enabled().size(), catalog.all().size() - catalog.enabled().size(),
                    catalog.problems().size());
        }
    }

    /** The catalog of the configured folder: a missing folder is no imports, unless it was set explicitly. */
    public static ImportCatalog catalog(Settings props) {
        Path folder = props.path(DIR);
        try {
            return ImportCatalog.load(folder, !props.isPackagedDefault(DIR));
        } catch (IllegalArgumentException e) {
            throw new SettingException(DIR, DIR + ": \"" + props.text(DIR) + "\" is not a folder (from "
                    + props.origin(DIR) + ")");
        }
    }

}
