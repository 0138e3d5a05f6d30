package io.jobdrop.cli;

import com.zaxxer.hikari.HikariDataSource;
import io.jobdrop.app.LedgerUrl;
import io.jobdrop.app.Settings;
import io.jobdrop.app.Settings.Flag;
import io.jobdrop.store.JobLedger;
import io.jobdrop.store.LedgerDatabase;
import picocli.CommandLine.Option;

import java.time.Clock;
import java.util.List;

/** The --db options the ledger commands share with {@code run}, and opening the ledger they name. */
final class LedgerOptions {

    @Option(names = "--db", paramLabel = "JDBC_URL",
            description = "Ledger database, as given to `run` (env JOBDROP_DB_URL; default H2 file ./data/jobdrop).")
    String db;

    @Option(names = "--db-password-file", paramLabel = "FILE",
            description = "File whose first line is the database password (env JOBDROP_DB_PASSWORD holds the password itself).")
    String dbPasswordFile;

    /** An open ledger, the pool behind it and the URL it was opened from; close it when done. */
    record OpenLedger(JobLedger ledger, HikariDataSource dataSource, String url) implements AutoCloseable {
        @Override
        public void close() {
            dataSource.close();
        }

        /** Said when a ledger holds no jobs, so an empty answer from the wrong folder or database is recognisable. */
        String emptyNote() {
            return "the ledger " + LedgerUrl.display(url) + " holds no jobs (--db or JOBDROP_DB_URL names another)";
        }
    }

    Settings settings() {
        return Settings.resolve(List.of(new Flag("jobdrop.db.url", "--db", db),
                new Flag("jobdrop.db.password-file", "--db-password-file", dbPasswordFile)));
    }

    OpenLedger open() {
        Settings settings = settings();
        String url = LedgerUrl.checked(settings);
        HikariDataSource ds = LedgerDatabase.open(url, settings.text("jobdrop.db.user"),
                settings.secret("jobdrop.db.password"));
        ds.setMaximumPoolSize(2);
        return new OpenLedger(new JobLedger(ds, Clock.systemUTC(), "cli-" + ProcessHandle.current().pid()), ds, url);
    }
}
