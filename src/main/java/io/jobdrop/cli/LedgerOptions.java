package io.jobdrop.cli;

import com.zaxxer.hikari.HikariDataSource;
import io.jobdrop.store.JobLedger;
import io.jobdrop.store.LedgerDatabase;
import picocli.CommandLine.Option;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** The --db option the ledger commands share with {@code run}, and opening the ledger it names. */
final class LedgerOptions {

    @Option(names = "--db", paramLabel = "JDBC_URL",
            description = "Ledger database, as given to `run` (env JOBDROP_DB_URL; default H2 file ./data/jobdrop).")
    String db;

    /** An open ledger and the pool behind it; close it when done. */
    record OpenLedger(JobLedger ledger, HikariDataSource dataSource) implements AutoCloseable {
        @Override
        public void close() {
            dataSource.close();
        }
    }

    OpenLedger open() {
        Map<String, String> flags = new HashMap<>();
        flags.put("jobdrop.db.url", db);
        Settings settings = Settings.resolve(flags);
        HikariDataSource ds = LedgerDatabase.open(settings.get("jobdrop.db.url"), settings.get("jobdrop.db.user"),
                settings.get("jobdrop.db.password"));
        ds.setMaximumPoolSize(2);
        return new OpenLedger(new JobLedger(ds, Clock.systemUTC(), "cli-" + ProcessHandle.current().pid()), ds);
    }
}
