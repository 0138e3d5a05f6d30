package io.jobdrop.app;

import com.zaxxer.hikari.HikariDataSource;
import io.jobdrop.ingest.FileVerdict;
import io.jobdrop.ingest.JobDefaults;
import io.jobdrop.ingest.JobFileReader;
import io.jobdrop.ingest.Stamper;
import io.jobdrop.store.IntakeClaim;
import io.jobdrop.store.JobLedger;
import io.jobdrop.store.LedgerDatabase;
import org.apache.camel.health.HealthCheck;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The ledger check's watchdog: writes waiting and nothing committed for the stall limit is DOWN, with the reason. */
class LedgerHealthCheckTest {

    private final HikariDataSource database = LedgerDatabase.open("jdbc:h2:mem:health-" + UUID.randomUUID()
            + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=20000", "sa", "");
    private final JobLedger ledger = new JobLedger(database, Clock.systemUTC(), "test");

    @AfterEach
    void close() throws Exception {
        ledger.close();
        database.close();
    }

    @Test
    void reports_a_stalled_writer_down_and_recovers_once_it_commits_again() throws Exception {
        LedgerHealthCheck check = new LedgerHealthCheck(ledger, new Outages(), Duration.ofMillis(300));
        assertThat(check.call().getState()).isEqualTo(HealthCheck.State.UP);

        FileVerdict verdict = new JobFileReader(false, Map.of(), new Stamper(Clock.systemUTC(), UUID::randomUUID),
                JobDefaults.BACALHAU).read("held.yaml", """
                Name: held
                Type: batch
                Tasks:
                  - Name: main
                    Engine:
                      Type: docker
                      Params:
                        Image: ubuntu:24.04
                """.getBytes(StandardCharsets.UTF_8));
        try (Connection blocker = database.getConnection(); Statement s = blocker.createStatement()) {
            // another transaction holds the claim the writer is about to insert: the writer waits on its lock
            blocker.setAutoCommit(false);
            s.execute("INSERT INTO intake_claims (source, claim_key, source_name, disposition, claimed_at)"
                    + " VALUES ('inbox', 'held', 'held.yaml', 'done', CURRENT_TIMESTAMP)");
            var held = ledger.submitFile(new IntakeClaim("inbox", "held", "held.yaml"), verdict);

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                HealthCheck.Result result = check.call();
                assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
                assertThat(result.getMessage()).hasValueSatisfying(m -> assertThat(m)
                        .startsWith("ledger writer stalled: 1 writes waiting, nothing committed for"));
            });
            blocker.rollback();
            held.get();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> check.call().getState() == HealthCheck.State.UP);
    }
}
