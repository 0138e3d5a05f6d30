package io.jobdrop.intake.table;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.jobdrop.app.Outages;
import io.jobdrop.app.Settings;
import io.jobdrop.ingest.JobFileReader;
import io.jobdrop.intake.JobFileIntake;
import io.jobdrop.store.JobLedger;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.Registry;
import org.apache.camel.support.service.ServiceSupport;

import java.time.Clock;
import java.util.List;

/**
 * Binds what the table-intake routes use, one set per table source: its connection pool (HikariCP), its transaction,
 * its intake bean, its health check; and the route parameters that make one route per source.
 */
public final class TableIntakes {

    private TableIntakes() {
    }

    /** No route is made when jobdrop.tables is empty. */
    public static void bind(CamelContext context, Settings props, JobFileReader reader, JobFileIntake files,
                            JobLedger ledger, Outages outages, Clock clock) throws Exception {
        List<TableSettings> tables = TableSettings.all(props);
        Registry registry = context.getRegistry();
        registry.bind("tablePollErrors", new TablePollErrors());
        if (tables.isEmpty()) {
            return;
        }
        MeterRegistry meters = registry.lookupByNameAndType("metricsRegistry", MeterRegistry.class);
        if (meters == null) {
            meters = new SimpleMeterRegistry();
        }
        long maxSpecBytes = props.longValue("jobdrop.limits.file-bytes");
        TableRoutes routes = new TableRoutes();
        for (TableSettings table : tables) {
            String routeId = TableRoutes.routeId(table);
            HikariDataSource pool = pool(table);
            context.addService(new PoolCloser(pool));
            TableTransaction transaction = new TableTransaction(pool);
            TableStatus status = new TableStatus(table.poll());
            registry.bind(routeId + "-pool", pool);
            registry.bind(routeId + "-tx", transaction);
            registry.bind(routeId + "-intake", new TableIntake(table, transaction, reader, files, ledger, status,
                    new TableMetrics(meters, table.name(), status), outages, clock, maxSpecBytes));
            registry.bind(routeId + "-health", new TableHealthCheck(routeId, table.table(), status));
            routes.add(table);
        }
        registry.bind("tableRoutes", routes);
    }

    /**
     * A pool that starts without a connection (initializationFailTimeout -1): a table whose database is down at start
     * is an outage of that source, reported and retried, not a reason for jobdrop not to start.
     */
    static HikariDataSource pool(TableSettings table) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("jobdrop-table-" + table.name());
        config.setJdbcUrl(table.url());
        if (!table.user().isEmpty()) {
            config.setUsername(table.user());
        }
        if (!table.password().isEmpty()) {
            config.setPassword(table.password());
        }
        config.setMaximumPoolSize(table.poolSize());
        config.setMinimumIdle(0);
        config.setConnectionTimeout(table.connectTimeout().toMillis());
        config.setValidationTimeout(Math.min(table.connectTimeout().toMillis(), 5_000));
        config.setInitializationFailTimeout(-1);
        config.setAutoCommit(false);
        return new HikariDataSource(config);
    }

    /** Closes a table source's pool when Camel stops, after its route has ended. */
    private static final class PoolCloser extends ServiceSupport {
        private final HikariDataSource pool;

        PoolCloser(HikariDataSource pool) {
            this.pool = pool;
        }

        @Override
        protected void doStop() {
            pool.close();
        }
    }
}
