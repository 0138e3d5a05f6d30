package io.jobdrop.pipeline;

import io.jobdrop.cluster.LeaseClusterService;
import org.apache.camel.ServiceStatus;
import org.apache.camel.health.HealthCheck;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The inbox scan runs only while this instance holds the ledger's {@code inbox} lease: taken by another instance, the
 * route's leadership policy stops the route (and the inbox watchdog leaves it stopped), and starts it again once the
 * lease is free.
 */
class InboxLeadershipTest extends PipelineTestSupport {

    private static final Duration LEASE = Duration.ofMillis(900);

    @Override
    String databaseUrl() {
        return "jdbc:h2:file:" + work.resolve("data/jobdrop").toAbsolutePath();
    }

    @Override
    void tune(Properties p) {
        p.put("jobdrop.cluster.lease", LEASE.toMillis() + "ms");
        p.put("jobdrop.cluster.instance", "me");
    }

    @Test
    void stops_scanning_while_another_instance_holds_the_lease_and_scans_again_once_it_is_free() throws Exception {
        LeaseClusterService cluster = context.hasService(LeaseClusterService.class);
        drop("before.yaml", job("before"));
        await().atMost(Duration.ofSeconds(30)).until(() -> filesIn(".done").contains("before.yaml"));
        assertThat(cluster.isLeader("inbox")).isTrue();

        updateOneRow("UPDATE leases SET holder = 'other-instance',"
                + " lease_until = CURRENT_TIMESTAMP + INTERVAL '1' HOUR,"
                + " epoch = epoch + 1 WHERE name = 'inbox'");
        await().atMost(Duration.ofSeconds(30)).until(() -> !cluster.isLeader("inbox"));
        assertThat(cluster.standings()).anySatisfy(standing -> {
            assertThat(standing.namespace()).isEqualTo("inbox");
            assertThat(standing.leader()).contains("other-instance");
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> routeStatus() == ServiceStatus.Stopped);
        drop("while-away.yaml", job("while-away"));
        HealthCheck.Result health = context.getRegistry().lookupByNameAndType("inboxHealth", HealthCheck.class).call();
        assertThat(health.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(health.getDetails()).containsEntry("scanning", false);
        assertThat(routeStatus()).as("the watchdog does not start a route another instance's lead stopped")
                .isEqualTo(ServiceStatus.Stopped);
        await().during(LEASE.multipliedBy(3)).atMost(LEASE.multipliedBy(6))
                .until(() -> waitingInInbox().contains("while-away.yaml"));

        updateOneRow("UPDATE leases SET holder = NULL, lease_until = CURRENT_TIMESTAMP WHERE name = 'inbox'");

        await().atMost(Duration.ofSeconds(30)).until(() -> filesIn(".done").contains("while-away.yaml")
                && orchestrator.createdCount("while-away") == 1);
        assertThat(cluster.isLeader("inbox")).isTrue();
        assertThat(routeStatus()).isEqualTo(ServiceStatus.Started);
    }

    private ServiceStatus routeStatus() {
        return context.getRouteController().getRouteStatus("inbox-intake");
    }
}
