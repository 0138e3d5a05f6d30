package io.jobdrop.cluster;

import com.zaxxer.hikari.HikariDataSource;
import io.jobdrop.testing.LogCapture;
import org.apache.camel.cluster.CamelClusterEventListener;
import org.apache.camel.cluster.CamelClusterMember;
import org.apache.camel.cluster.CamelClusterView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Leadership through the ledger's leases table, two instances on one database; H2 and PostgreSQL subclasses. */
abstract class LeaseClusterServiceBehaviour {

    static final Duration LEASE = Duration.ofMillis(900);

    private HikariDataSource dataSource;
    private final List<ScheduledExecutorService> timers = new ArrayList<>();
    private final List<LeaseClusterService> services = new ArrayList<>();

    abstract HikariDataSource open();

    @BeforeEach
    void openLedger() {
        dataSource = open();
    }

    @AfterEach
    void close() {
        services.forEach(LeaseClusterService::stop);
        timers.forEach(ScheduledExecutorService::shutdownNow);
        dataSource.close();
        closed();
    }

    /** After every instance stopped and the pool closed. */
    void closed() {
    }

    @Test
    void one_of_two_instances_leads_a_namespace_and_the_other_knows_which() throws Exception {
        LeaseClusterService a = service("a");
        LeaseClusterService b = service("b");
        CamelClusterView viewA = a.getView("inbox");
        CamelClusterView viewB = b.getView("inbox");

        await().atMost(Duration.ofSeconds(10)).until(() -> viewB.getLeader().isPresent());
        assertThat(a.isLeader("inbox")).as("the first to ask leads").isTrue();
        assertThat(b.isLeader("inbox")).isFalse();
        assertThat(viewB.getLeader()).map(CamelClusterMember::getId).contains("a");
        assertThat(viewB.getLeader()).map(CamelClusterMember::isLocal).contains(false);
        assertThat(viewA.getLocalMember().isLeader()).isTrue();
        assertThat(a.standings()).singleElement().satisfies(standing -> {
            assertThat(standing.namespace()).isEqualTo("inbox");
            assertThat(standing.leading()).isTrue();
            assertThat(standing.leader()).contains("a");
        });
    }

    @Test
    void a_leader_keeps_its_lease_by_renewing_it_for_longer_than_the_lease_lasts() throws Exception {
        // a lease long enough that a paused renewal thread on a busy machine does not lose it
        Duration lease = Duration.ofSeconds(3);
        LeaseClusterService a = service("a", lease);
        LeaseClusterService b = service("b", lease);
        a.getView("inbox");
        b.getView("inbox");

        await().during(lease.plusSeconds(1)).atMost(lease.multipliedBy(3))
                .until(() -> a.isLeader("inbox") && !b.isLeader("inbox"));
    }

    @Test
    void namespaces_are_led_independently() throws Exception {
        LeaseClusterService a = service("a");
        LeaseClusterService b = service("b");
        a.getView("inbox");
        b.getView("bucket-jobs");
        b.getView("inbox");
        a.getView("bucket-jobs");

        assertThat(a.isLeader("inbox")).isTrue();
        assertThat(b.isLeader("bucket-jobs")).isTrue();
        assertThat(a.isLeader("bucket-jobs")).isFalse();
        assertThat(b.isLeader("inbox")).isFalse();
    }

    @Test
    void a_leader_that_stops_hands_over_without_waiting_for_its_lease_to_expire() throws Exception {
        LeaseClusterService a = service("a");
        LeaseClusterService b = service("b");
        CamelClusterView viewA = a.getView("inbox");
        CamelClusterView viewB = b.getView("inbox");
        List<String> leadersSeenByB = new CopyOnWriteArrayList<>();
        viewB.addEventListener((CamelClusterEventListener.Leadership) (view, leader) ->
                leadersSeenByB.add(leader == null ? "none" : leader.getId()));
        long epochOfA = epoch(a);

        a.releaseView(viewA); // the last user of the view is gone: the view stops and gives up the lease

        await().atMost(Duration.ofSeconds(10)).until(() -> b.isLeader("inbox"));
        assertThat(a.isLeader("inbox")).isFalse();
        // the view says it leads as it takes the lease; its listeners hear of it right after (seen missing once in CI)
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(leadersSeenByB).as("the route policy hears of it").contains("b"));
        assertThat(epoch(b)).as("a new term").isGreaterThan(epochOfA);
    }

    @Test
    void a_leader_that_dies_without_a_word_is_replaced_once_its_lease_has_expired() throws Exception {
        ScheduledExecutorService timerOfA = timer();
        LeaseClusterService a = service("a", timerOfA);
        LeaseClusterService b = service("b");
        a.getView("inbox");
        b.getView("inbox");
        assertThat(a.isLeader("inbox")).isTrue();
        long epochOfA = epoch(a);

        timerOfA.shutdownNow(); // like kill -9: no more renewals, nothing given up

        await().atMost(Duration.ofSeconds(15)).until(() -> b.isLeader("inbox"));
        assertThat(epoch(b)).isGreaterThan(epochOfA);
        List<Lease> leases = new LeaseTable(dataSource, LEASE).all("b");
        assertThat(leases).singleElement().satisfies(lease -> {
            assertThat(lease.holder()).contains("b");
            assertThat(lease.mine()).isTrue();
        });
    }

    @Test
    void a_follower_takes_the_lead_as_the_leaders_lease_ends_not_at_its_own_next_renewal() throws Exception {
        Duration lease = Duration.ofSeconds(30); // the follower's own renewals come every 10 s
        LeaseTable table = new LeaseTable(dataSource, lease);
        table.create("inbox");
        // a leader's last renewal before it died: 3 s of its lease left
        assertThat(table.take("inbox", "dead", Duration.ofSeconds(3)).mine()).isTrue();
        LeaseClusterService b = new LeaseClusterService(table, "b", lease, timer(), Runnable::run);
        b.start();
        services.add(b);
        b.getView("inbox");
        assertThat(b.isLeader("inbox")).isFalse();

        await().atMost(Duration.ofSeconds(8)).until(() -> b.isLeader("inbox"));
        assertThat(table.all("b")).singleElement().satisfies(l -> assertThat(l.holder()).contains("b"));
    }

    @Test
    void the_same_instance_renewing_keeps_its_term() {
        LeaseTable table = new LeaseTable(dataSource, LEASE);
        table.create("inbox");
        table.create("inbox"); // a second time changes nothing
        Lease first = table.take("inbox", "a", LEASE);
        Lease renewed = table.take("inbox", "a", LEASE);
        Lease other = table.take("inbox", "b", LEASE);

        assertThat(first.mine()).isTrue();
        assertThat(renewed.epoch()).isEqualTo(first.epoch());
        assertThat(renewed.until()).isAfterOrEqualTo(first.until());
        assertThat(other.mine()).isFalse();
        assertThat(other.holder()).contains("a");

        table.giveUp("inbox", "a");
        Lease taken = table.take("inbox", "b", LEASE);
        assertThat(taken.mine()).isTrue();
        assertThat(taken.epoch()).isEqualTo(first.epoch() + 1);
    }

    /**
     * A route policy stops its routes when the lead is lost, and a graceful stop waits for their exchanges: that must
     * not hold up the thread that renews every lease, so changes are told on their own thread; only the lead taken
     * as the view starts is told at once (the context is starting the routes then, and the policy must know by then).
     */
    @Test
    void changes_in_the_lead_are_told_off_the_renewal_thread_except_as_the_view_starts() throws Exception {
        Queue<Runnable> told = new ConcurrentLinkedQueue<>();
        LeaseClusterService a = service("a", timer(), told::add);
        CamelClusterView view = a.getView("inbox");
        assertThat(a.isLeader("inbox")).isTrue();
        assertThat(told).as("the lead taken at start is told at once").isEmpty();
        List<Boolean> heard = new CopyOnWriteArrayList<>();
        view.addEventListener((CamelClusterEventListener.Leadership) (v, leader) ->
                heard.add(v.getLocalMember().isLeader()));
        heard.clear(); // a listener hears the lead as it is when it is added
        LeaseTable table = new LeaseTable(dataSource, LEASE);

        LeaseHandOver.handOver(table, "inbox", "a", "b");
        await().atMost(LEASE.multipliedBy(5)).until(() -> !a.isLeader("inbox"));
        assertThat(heard).as("not told on the renewal thread").isEmpty();
        await().atMost(LEASE.multipliedBy(5)).until(() -> !told.isEmpty()); // queued just after the lead flips
        runAll(told);
        assertThat(heard).containsOnly(false);

        table.giveUp("inbox", "b");
        await().atMost(LEASE.multipliedBy(5)).until(() -> a.isLeader("inbox"));
        assertThat(heard).doesNotContain(true);
        await().atMost(LEASE.multipliedBy(5)).until(() -> !told.isEmpty());
        runAll(told);
        assertThat(heard).endsWith(true);
    }

    /**
     * As the context begins to stop (ClusterWiring), the service tells no more changes in the lead, once the one being
     * told is done: a route policy stopping a route for a lost lead while the context shuts that route down deadlocked
     * the two (ClusterWiringTest).
     */
    @Test
    void once_it_stops_telling_it_waits_for_the_change_being_told_and_tells_no_more() throws Exception {
        LeaseClusterService a = service("a", timer(), timer());
        CamelClusterView view = a.getView("inbox");
        CountDownLatch hearing = new CountDownLatch(1);
        CountDownLatch heard = new CountDownLatch(1);
        List<Boolean> told = new CopyOnWriteArrayList<>();
        view.addEventListener((CamelClusterEventListener.Leadership) (v, leader) -> {
            boolean leading = v.getLocalMember().isLeader();
            told.add(leading);
            if (!leading) { // as a policy stopping its routes, which waits for their exchanges
                hearing.countDown();
                try {
                    heard.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        told.clear(); // a listener hears the lead as it is when it is added
        LeaseTable table = new LeaseTable(dataSource, LEASE);
        LeaseHandOver.handOver(table, "inbox", "a", "b");
        assertThat(hearing.await(10, TimeUnit.SECONDS)).as("the loss is being told").isTrue();

        CompletableFuture<Void> quiet = CompletableFuture.runAsync(() -> {
            try {
                a.stopTelling(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(1)).until(() -> !quiet.isDone());
        heard.countDown();
        quiet.get(5, TimeUnit.SECONDS);

        table.giveUp("inbox", "b");
        await().atMost(LEASE.multipliedBy(5)).until(() -> a.isLeader("inbox"));
        Thread.sleep(LEASE.toMillis()); // time enough for the lead taken back to be told, were it told
        assertThat(told).containsExactly(false);
    }

    private static void runAll(Queue<Runnable> told) {
        for (Runnable event = told.poll(); event != null; event = told.poll()) {
            event.run();
        }
    }

    /**
     * A ledger that stops answering (here: the lease row locked by a transaction that never ends, as a hung server
     * holds it) must fail the renewals in time, so the leader stops leading before its lease ends and says why.
     */
    @Test
    void a_leader_whose_ledger_is_gone_stops_leading_and_says_why() throws Exception {
        LeaseClusterService a = service("a");
        a.getView("inbox");
        assertThat(a.isLeader("inbox")).isTrue();

        try (LogCapture log = LogCapture.start(); Connection hung = dataSource.getConnection()) {
            hung.setAutoCommit(false);
            try (Statement lock = hung.createStatement()) {
                lock.executeQuery("SELECT * FROM leases WHERE name = 'inbox' FOR UPDATE").close();
            }

            await().atMost(LEASE.multipliedBy(5)).until(() -> !a.isLeader("inbox"));
            String problem = a.standings().get(0).problem().orElseThrow();
            assertThat(log.lines()).anySatisfy(line -> assertThat(line).contains("stops leading inbox")
                    .contains(problem));
            hung.rollback();
        }
        await().atMost(LEASE.multipliedBy(5)).until(() -> a.isLeader("inbox"));
    }

    @Test
    void the_leader_reports_what_waits_in_its_intake_with_its_lease_and_the_others_see_it() throws Exception {
        AtomicLong waitingAtA = new AtomicLong(5_000);
        LeaseClusterService a = service("a");
        a.reportBacklog("inbox", waitingAtA::get);
        LeaseClusterService b = service("b");
        b.reportBacklog("inbox", () -> 7); // b leads nothing: its own count is never reported
        CamelClusterView viewA = a.getView("inbox");
        b.getView("inbox");
        assertThat(a.isLeader("inbox")).isTrue();

        assertThat(a.intakeBacklog()).as("the leader reads its own count, now").isEqualTo(5_000);
        await().atMost(Duration.ofSeconds(10)).until(() -> b.intakeBacklog() == 5_000);
        assertThat(new LeaseTable(dataSource, LEASE).all("b")).singleElement()
                .satisfies(lease -> assertThat(lease.backlog()).isEqualTo(5_000));

        waitingAtA.set(0); // the burst is taken: the next renewal says so
        await().atMost(Duration.ofSeconds(10)).until(() -> b.intakeBacklog() == 0);

        waitingAtA.set(900);
        await().atMost(Duration.ofSeconds(10)).until(() -> b.intakeBacklog() == 900);
        a.releaseView(viewA); // a stops leading: b leads and counts its own
        await().atMost(Duration.ofSeconds(10)).until(() -> b.isLeader("inbox"));
        assertThat(b.intakeBacklog()).isEqualTo(7);
        assertThat(a.intakeBacklog()).as("a takes part in no namespace now").isZero();
    }

    @Test
    void an_expired_lease_reports_no_backlog() {
        LeaseTable table = new LeaseTable(dataSource, LEASE);
        table.create("inbox");
        assertThat(table.take("inbox", "dead", LEASE, 5_000).backlog()).isEqualTo(5_000);
        await().atMost(Duration.ofSeconds(10)).until(() -> table.all("b").get(0).holder().isEmpty());
        assertThat(table.all("b")).singleElement().satisfies(lease -> assertThat(lease.backlog()).isZero());
    }

    @Test
    void a_backlog_its_holder_no_longer_renews_expires_with_the_lease_it_was_reported_with() throws Exception {
        LeaseTable table = new LeaseTable(dataSource, LEASE);
        table.create("inbox");
        assertThat(table.take("inbox", "a", LEASE, 5_000).backlog()).isEqualTo(5_000);
        // an instance of an older version takes over and renews for an hour, leaving the backlog columns as they were
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            assertThat(statement.executeUpdate("UPDATE leases SET holder = 'older', epoch = epoch + 1,"
                    + " lease_until = CURRENT_TIMESTAMP + INTERVAL '1' HOUR WHERE name = 'inbox'")).isEqualTo(1);
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> table.all("b").get(0).backlog() == 0);
        assertThat(table.all("b")).singleElement().satisfies(lease -> assertThat(lease.holder()).contains("older"));
    }

    @Test
    void a_stopped_view_does_not_renew_the_lease_it_gave_up() throws Exception {
        LeaseClusterService a = service("a");
        LeaseView view = (LeaseView) a.getView("inbox");
        assertThat(a.isLeader("inbox")).isTrue();

        view.stop();
        view.renew(); // a renewal that was waiting for the stop to finish

        assertThat(new LeaseTable(dataSource, LEASE).all("a")).singleElement()
                .satisfies(lease -> assertThat(lease.holder()).isEmpty());
    }

    private long epoch(LeaseClusterService service) {
        return service.standings().get(0).epoch();
    }

    private LeaseClusterService service(String name) {
        return service(name, timer());
    }

    private LeaseClusterService service(String name, ScheduledExecutorService timer) {
        return service(name, timer, Runnable::run);
    }

    private LeaseClusterService service(String name, Duration lease) {
        return service(name, lease, timer(), Runnable::run);
    }

    private LeaseClusterService service(String name, ScheduledExecutorService timer, Executor events) {
        return service(name, LEASE, timer, events);
    }

    private LeaseClusterService service(String name, Duration lease, ScheduledExecutorService timer, Executor events) {
        LeaseClusterService service = new LeaseClusterService(new LeaseTable(dataSource, lease), name, lease, timer,
                events);
        service.start();
        services.add(service);
        return service;
    }

    private ScheduledExecutorService timer() {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        timers.add(timer);
        return timer;
    }
}
