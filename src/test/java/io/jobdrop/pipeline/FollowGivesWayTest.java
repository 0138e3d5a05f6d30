package io.jobdrop.pipeline;

import io.jobdrop.cluster.LeaseClusterService;
import io.jobdrop.store.DeliveryState;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Following gives way to the intake of the whole cluster, not only this instance's: while the instance that leads the
 * inbox reports files waiting there (with its lease), an instance that does not lead it polls no job either, and
 * polls again once that backlog is taken. Before, the instance that did not lead followed at full speed through a
 * burst its peer was taking (bench/results/20261207-234010-postgres.md: 5,718 polls against 905 for one instance).
 */
class FollowGivesWayTest extends PipelineTestSupport {

    /** Time enough to hand the lease over before the poll is due, on a busy machine too. */
    private static final Duration FIRST_POLL = Duration.ofSeconds(5);

    @Override
    String databaseUrl() {
        return "jdbc:h2:file:" + work.resolve("data/jobdrop").toAbsolutePath();
    }

    @Override
    void tune(Properties p) {
        p.put("jobdrop.cluster.lease", "900ms");
        p.put("jobdrop.cluster.instance", "me");
        p.put("jobdrop.follow.first-poll", FIRST_POLL.toMillis() + "ms");
        p.put("jobdrop.follow.max-interval", "60s");
        p.put("jobdrop.follow.poll-ms", "50");
    }

    @Test
    void polls_nothing_while_the_inbox_leader_reports_a_backlog_and_polls_once_it_is_taken() throws Exception {
        LeaseClusterService cluster = context.hasService(LeaseClusterService.class);
        drop("a.yaml", job("a"));
        awaitDelivery("a", DeliveryState.SUBMITTED);

        // another instance takes the inbox's lead, with a burst of 5,000 files waiting in it
        updateOneRow("UPDATE leases SET holder = 'other-instance',"
                + " lease_until = CURRENT_TIMESTAMP + INTERVAL '1' HOUR,"
                + " epoch = epoch + 1, backlog = 5000, backlog_until = CURRENT_TIMESTAMP + INTERVAL '1' HOUR"
                + " WHERE name = 'inbox'");
        await().atMost(Duration.ofSeconds(10)).until(() -> cluster.intakeBacklog() == 5_000);
        assertThat(cluster.isLeader("inbox")).isFalse();

        await().during(FIRST_POLL.plusSeconds(2)).atMost(FIRST_POLL.plusSeconds(4))
                .until(() -> orchestrator.pollsOf("a") == 0);

        updateOneRow("UPDATE leases SET backlog = 0 WHERE name = 'inbox'"); // the leader's next renewal: all taken
        await().atMost(Duration.ofSeconds(15)).until(() -> orchestrator.pollsOf("a") >= 1);
        assertThat(cluster.intakeBacklog()).isZero();
    }
}
