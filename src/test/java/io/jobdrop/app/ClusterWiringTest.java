package io.jobdrop.app;

import com.zaxxer.hikari.HikariDataSource;
import io.jobdrop.cluster.LeaseClusterService;
import io.jobdrop.cluster.LeaseHandOver;
import io.jobdrop.cluster.LeaseTable;
import io.jobdrop.store.LedgerDatabase;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.cluster.CamelClusterEventListener;
import org.apache.camel.ServiceStatus;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Leadership wired into a Camel context the way `jobdrop run` wires it: a route under its namespace's policy. */
class ClusterWiringTest {

    private static final Duration LEASE = Duration.ofMillis(600);

    private final HikariDataSource ledger = LedgerDatabase.open("jdbc:h2:mem:cluster-" + UUID.randomUUID()
            + ";DB_CLOSE_DELAY=-1", "sa", "");
    private final DefaultCamelContext context = new DefaultCamelContext();

    @AfterEach
    void close() {
        context.stop(); // a context a test left running (stopping it again is harmless)
        ledger.close();
    }

    /**
     * Camel's ClusteredRoutePolicy stops a route for a lost lead while holding its own lock, and the context shutting
     * that route down holds the route's lock and then asks for the policy's: a lead lost while jobdrop stopped (its
     * renewals failing in a ledger outage) could deadlock the two, and SIGTERM never ended the process. Once the
     * context begins to stop, no change in the lead is told any more.
     */
    @Test
    void a_lead_lost_while_the_context_stops_is_not_told_to_the_route_policy() throws Exception {
        LeaseClusterService cluster = ClusterWiring.bind(context, Settings.resolve(List.of(),
                Map.of("JOBDROP_CLUSTER_LEASE", LEASE.toMillis() + "ms"), new Properties()), ledger, "a");
        ClusterWiring.leadership(context, cluster, "inbox");
        CountDownLatch inFlight = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("timer:scan?period=50").routeId("scan").routePolicyRef(ClusterWiring.policyName("inbox"))
                        .process(exchange -> {
                            inFlight.countDown();
                            finish.await(20, TimeUnit.SECONDS);
                        });
            }
        });
        context.start();
        assertThat(inFlight.await(10, TimeUnit.SECONDS)).as("the leader's route runs").isTrue();
        List<Boolean> told = new CopyOnWriteArrayList<>();
        cluster.getView("inbox").addEventListener((CamelClusterEventListener.Leadership) (view, leader) ->
                told.add(view.getLocalMember().isLeader()));
        told.clear(); // a listener hears the lead as it stands when it is added

        Thread stop = new Thread(context::stop, "stopping");
        stop.start();
        await().atMost(Duration.ofSeconds(5)).until(context::isStopping); // and waits for the exchange in flight
        LeaseTable leases = new LeaseTable(ledger, LEASE);
        LeaseHandOver.handOver(leases, "inbox", "a", "b"); // another instance leads
        await().atMost(LEASE.multipliedBy(5)).until(() -> !cluster.isLeader("inbox"));
        Thread.sleep(LEASE.toMillis()); // time enough for the change to be told
        finish.countDown();

        stop.join(Duration.ofSeconds(20).toMillis());
        assertThat(stop.isAlive()).as("the context stopped").isFalse();
        assertThat(told).as("told nothing once stopping").isEmpty();
    }

    /**
     * Camel's ClusteredRoutePolicy puts off starting its routes while the context is starting, and starts them when it
     * hears that the context has started; a lead taken after that is acted on at once. This takes the lead in between:
     * another instance's lease ends while the last listener of the context's start is still being told. A lead the
     * policy put off there would stay put off, and this instance would lead the namespace with its route stopped (a
     * bucket no one lists) until the lead changed again.
     */
    @Test
    void a_lead_taken_as_the_context_finishes_starting_starts_the_route() throws Exception {
        LeaseClusterService cluster = ClusterWiring.bind(context, Settings.resolve(List.of(),
                Map.of("JOBDROP_CLUSTER_LEASE", LEASE.toMillis() + "ms"), new Properties()), ledger, "a");
        ClusterWiring.leadership(context, cluster, "bucket-jobs");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("timer:list?period=50").routeId("list").routePolicyRef(ClusterWiring.policyName("bucket-jobs"))
                        .log("listing");
            }
        });
        LeaseTable leases = new LeaseTable(ledger, LEASE);
        leases.create("bucket-jobs");
        assertThat(leases.take("bucket-jobs", "b", LEASE).mine()).as("another instance leads, for now").isTrue();
        context.getManagementStrategy().addEventNotifier(new EventNotifierSupport() { // told after the policy
            @Override
            public boolean isEnabled(CamelEvent event) {
                return event instanceof CamelEvent.CamelContextStartedEvent;
            }

            @Override
            public void notify(CamelEvent event) throws Exception {
                await().atMost(LEASE.multipliedBy(5)).until(() -> cluster.standings().stream()
                        .anyMatch(standing -> standing.namespace().equals("bucket-jobs") && standing.leading()));
                Thread.sleep(LEASE.toMillis()); // time enough for the change to be told
            }
        });

        context.start();

        await().atMost(LEASE.multipliedBy(5)).untilAsserted(() -> assertThat(context.getRouteController()
                .getRouteStatus("list")).as("the leader's route").isEqualTo(ServiceStatus.Started));
    }
}
