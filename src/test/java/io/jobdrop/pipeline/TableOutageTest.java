package io.jobdrop.pipeline;

import io.jobdrop.app.Outages;
import io.jobdrop.testing.PrivatePostgres;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A table source whose PostgreSQL server goes down and comes back: its health check is DOWN (and readiness stays UP),
 * the outage is one open outage with a failure count in the metrics, rows inserted meanwhile wait, and intake resumes
 * by itself. The inbox keeps working throughout.
 */
class TableOutageTest extends PipelineTestSupport {

    private static PrivatePostgres server;

    @BeforeAll
    static void startServer() throws SQLException {
        String unavailable = PrivatePostgres.unavailableReason();
        Assumptions.assumeTrue(unavailable == null, unavailable);
        server = PrivatePostgres.started();
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), "postgres", "");
             Statement s = c.createStatement()) {
            s.execute(PostgresTableProcessTest.POSTGRES_DDL.formatted("public"));
            // refuses the first write-back of a row named refused-once (a sequence: not undone by the rollback)
            s.execute("CREATE SEQUENCE refusals");
            s.execute("CREATE FUNCTION refuse_first_write_back() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                    + " IF NEW.spec LIKE '%refused-once%' AND nextval('refusals') = 1 THEN"
                    + " RAISE EXCEPTION 'write-back refused by the test'; END IF; RETURN NEW; END $$");
            s.execute("CREATE TRIGGER refuse BEFORE UPDATE ON etl_jobs FOR EACH ROW"
                    + " EXECUTE FUNCTION refuse_first_write_back()");
        }
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Override
    String databaseUrl() {
        return "jdbc:h2:file:" + work.resolve("data/jobdrop").toAbsolutePath();
    }

    @Override
    void tune(Properties p) {
        p.put("jobdrop.tables", "etl");
        p.put("jobdrop.table.etl.url", server.jdbcUrl());
        p.put("jobdrop.table.etl.user", "postgres");
        p.put("jobdrop.table.etl.poll-ms", "50");
        p.put("jobdrop.table.etl.connect-timeout-ms", "500");
    }

    @Test
    void a_table_whose_database_goes_down_is_reported_and_taken_from_again_when_it_comes_back() throws Exception {
        long before = insert(PipelineTestSupport.job("before-outage"));
        await().atMost(Duration.ofSeconds(30)).until(() -> "accepted".equals(status(before)));
        // as registered for /observe/health
        HealthCheck health = HealthCheckHelper.getHealthCheckRegistry(context).getCheck("table-etl")
                .orElseThrow(() -> new AssertionError("no health check table-etl"));
        Outages outages = context.getRegistry().lookupByNameAndType("outages", Outages.class);
        assertThat(health.call().getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(health.isReadiness()).as("a table outage does not make jobdrop unready").isFalse();

        server.stop();
        await().atMost(Duration.ofSeconds(30)).until(() -> health.call().getState() == HealthCheck.State.DOWN);
        assertThat(health.call().getMessage()).hasValueSatisfying(m -> assertThat(m).contains("table etl"));
        assertThat(outages.isOpen("table etl")).isTrue();
        assertThat(outages.isOpen(Outages.LEDGER)).as("not taken for the ledger's outage").isFalse();
        drop("during-outage.yaml", PipelineTestSupport.job("during-outage"));
        await().atMost(Duration.ofSeconds(30)).until(() -> orchestrator.createdCount("during-outage") == 1);
        MeterRegistry meters = context.getRegistry().lookupByNameAndType("metricsRegistry", MeterRegistry.class);
        assertThat(meters.get("jobdrop.table.poll.failures").tag("table", "etl").counter().count()).isPositive();
        assertThat(meters.get("jobdrop.table.up").tag("table", "etl").gauge().value()).isZero();

        server.start();
        long after = insert(PipelineTestSupport.job("after-outage"));
        await().atMost(Duration.ofSeconds(60)).until(() -> "accepted".equals(status(after)));
        await().atMost(Duration.ofSeconds(30)).until(() -> orchestrator.createdCount("after-outage") == 1);
        assertThat(health.call().getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(outages.isOpen("table etl")).isFalse();
        assertThat(meters.get("jobdrop.table.up").tag("table", "etl").gauge().value()).isEqualTo(1.0);
        assertThat(meters.get("jobdrop.table.rows").tags("table", "etl", "verdict", "accepted").counter().count())
                .isEqualTo(2.0);
        assertThat(orchestrator.createdCount("before-outage")).isEqualTo(1);
    }

    @Test
    void a_row_whose_write_back_fails_gets_its_recorded_verdict_on_the_next_poll_without_being_judged_again()
            throws Exception {
        long id = insert(PipelineTestSupport.job("refused-once"));

        await().atMost(Duration.ofSeconds(60)).until(() -> "accepted".equals(status(id)));

        MeterRegistry meters = context.getRegistry().lookupByNameAndType("metricsRegistry", MeterRegistry.class);
        assertThat(meters.get("jobdrop.table.poll.failures").tag("table", "etl").counter().count())
                .as("the refused write-back failed a poll").isEqualTo(1.0);
        assertThat(ledger().pageIntake(null, "etl#" + id, null, 10).items()).as("recorded once").hasSize(1);
        assertThat(ledger().show("refused-once").orElseThrow().events())
                .noneMatch(e -> e.type() == io.jobdrop.store.EventType.UNCHANGED);
        assertThat(ledgerJob("refused-once").version()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> orchestrator.createdCount("refused-once") == 1);
    }

    private static long insert(String spec) throws SQLException {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), "postgres", "");
             PreparedStatement s = c.prepareStatement("INSERT INTO etl_jobs (spec) VALUES (?) RETURNING id")) {
            s.setString(1, spec);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private static String status(long id) throws SQLException {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), "postgres", "");
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT status FROM etl_jobs WHERE id = " + id)) {
            return r.next() ? r.getString(1) : null;
        }
    }
}
