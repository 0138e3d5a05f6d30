package io.jobdrop.intake.imports;

import com.zaxxer.hikari.HikariDataSource;
import io.jobdrop.store.ImportLedger;
import io.jobdrop.store.LedgerDatabase;
import org.apache.camel.health.HealthCheck;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The imports' health as the ledger says it, the same on an instance that did not run the fire. */
class ImportsHealthCheckTest {

    @TempDir
    Path dir;

    private HikariDataSource dataSource;

    @AfterEach
    void close() {
        if (dataSource != null) {
            dataSource.close();
        }
    }

    @Test
    void reports_what_the_last_fires_recorded_whichever_instance_ran_them() throws Exception {
        Files.writeString(dir.resolve("imports.yaml"), """
                - {name: feed, schedule: every 1m, from: https://example.org/jobs.yaml}
                - {name: local, schedule: every 1m, from: jobs.yaml}
                """);
        ImportCatalog catalog = ImportCatalog.load(dir, true);
        dataSource = LedgerDatabase.open("jdbc:h2:file:" + dir.resolve("ledger"), "sa", "");
        ImportLedger other = new ImportLedger(dataSource, Clock.systemUTC(), "other");
        ImportsHealthCheck here = new ImportsHealthCheck(catalog, new ImportLedger(dataSource, Clock.systemUTC(),
                "here"));
        Instant first = Instant.parse("2026-03-01T10:00:00Z");
        Instant lease = Instant.now().plusSeconds(60);

        assertThat(here.call().getState()).as("nothing fired yet").isEqualTo(HealthCheck.State.UP);

        // the other instance could not read feed's source and waits to retry; local's fire went fine
        other.claim("feed", first, ImportLedger.SCHEDULED, lease);
        other.retryLater("feed", first, lease, "GET https://example.org/jobs.yaml answered 503");
        other.claim("local", first, ImportLedger.SCHEDULED, lease);
        other.finish("local", first, ImportRunner.DONE, null, "[]", 1, 0);
        HealthCheck.Result down = here.call();
        assertThat(down.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(down.getMessage()).contains("unreachable: feed (GET https://example.org/jobs.yaml answered 503)");
        assertThat(down.getDetails()).containsKey("import.feed").doesNotContainKey("import.local");

        other.finish("feed", first, ImportRunner.UNREACHABLE, "GET https://example.org/jobs.yaml answered 503", "[]",
                0, 0);
        assertThat(here.call().getState()).as("given up until the next fire").isEqualTo(HealthCheck.State.DOWN);

        Instant next = first.plusSeconds(60);
        other.claim("feed", next, ImportLedger.SCHEDULED, lease);
        assertThat(here.call().getState()).as("the next fire, still running").isEqualTo(HealthCheck.State.DOWN);
        other.finish("feed", next, ImportRunner.SKIPPED, "nothing new at the source (1 unchanged)", "[]", 0, 0);
        assertThat(here.call().getState()).isEqualTo(HealthCheck.State.UP);
    }
}
