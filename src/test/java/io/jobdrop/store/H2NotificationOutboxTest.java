package io.jobdrop.store;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The notification outbox on an H2 file ledger. */
class H2NotificationOutboxTest extends NotificationOutboxBehaviour {

    @TempDir
    static Path folder;

    @Override
    HikariDataSource openDatabase() {
        return LedgerDatabase.open("jdbc:h2:file:" + folder.resolve("ledger"), "sa", "");
    }

    @Override
    void dropDatabase() {
        // the folder goes with the test class
    }
}
