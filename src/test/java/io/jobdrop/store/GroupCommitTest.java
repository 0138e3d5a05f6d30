package io.jobdrop.store;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The ledger's group commit, on a real H2 database; the writer is held by a first write so the rest form one batch. */
class GroupCommitTest {

    private JdbcDataSource dataSource;
    private Connection keepAlive;
    private GroupCommit writes;
    private final CountDownLatch release = new CountDownLatch(1);
    private final List<String> ran = Collections.synchronizedList(new ArrayList<>());
    private final List<Connection> connections = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void open() throws SQLException {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:group-commit-" + UUID.randomUUID());
        keepAlive = dataSource.getConnection();
        try (Statement s = keepAlive.createStatement()) {
            s.execute("CREATE TABLE t (name VARCHAR PRIMARY KEY)");
        }
        writes = new GroupCommit(dataSource, 100, "test-writer");
    }

    @AfterEach
    void close() throws Exception {
        release.countDown();
        writes.close();
        keepAlive.close();
    }

    @Test
    void commits_the_writes_waiting_together_in_one_transaction_in_submission_order() throws Exception {
        CompletableFuture<String> holder = holdTheWriter();
        List<CompletableFuture<String>> batch = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            batch.add(insert("job-" + i));
        }
        assertThat(rows()).isEmpty();

        release.countDown();
        holder.get(10, TimeUnit.SECONDS);
        for (CompletableFuture<String> write : batch) {
            write.get(10, TimeUnit.SECONDS);
        }

        assertThat(ran).containsExactly("holder", "job-0", "job-1", "job-2", "job-3", "job-4");
        assertThat(connections.subList(1, 6)).as("one connection, so one transaction").containsOnly(connections.get(1));
        assertThat(rows()).containsExactly("job-0", "job-1", "job-2", "job-3", "job-4");
        WriterTotals totals = writes.totals();
        assertThat(totals.transactions()).as("the holder's and the batch's").isEqualTo(2);
        assertThat(totals.writes()).isEqualTo(6);
        assertThat(totals.busy()).as("the holder held the writer").isPositive();
    }

    @Test
    void a_write_that_fails_is_rolled_back_alone() throws Exception {
        CompletableFuture<String> holder = holdTheWriter();
        CompletableFuture<String> before = insert("before");
        CompletableFuture<String> duplicate = writes.submit("insert a duplicate", c -> {
            execute(c, "INSERT INTO t VALUES ('half-done')");
            execute(c, "INSERT INTO t VALUES ('before')");
            return "never";
        });
        CompletableFuture<String> after = insert("after");

        release.countDown();
        holder.get(10, TimeUnit.SECONDS);

        assertThat(before.get(10, TimeUnit.SECONDS)).isEqualTo("before");
        assertThat(after.get(10, TimeUnit.SECONDS)).isEqualTo("after");
        assertThat(JobLedger.unwrap(catchFailure(duplicate)))
                .isInstanceOf(LedgerException.class)
                .hasMessageStartingWith("cannot insert a duplicate: ");
        assertThat(rows()).containsExactly("after", "before");
    }

    @Test
    void runs_a_batch_once_when_nothing_fails_and_again_with_savepoints_when_a_write_fails() throws Exception {
        CompletableFuture<String> holder = holdTheWriter();
        CompletableFuture<String> before = insert("before");
        CompletableFuture<String> failing = writes.submit("fail", c -> {
            ran.add("fail");
            execute(c, "INSERT INTO t VALUES ('before')");
            return "never";
        });
        CompletableFuture<String> after = insert("after");
        release.countDown();
        holder.get(10, TimeUnit.SECONDS);
        after.get(10, TimeUnit.SECONDS);

        assertThat(catchFailure(failing)).isInstanceOf(LedgerException.class);
        assertThat(before.get(10, TimeUnit.SECONDS)).isEqualTo("before");
        assertThat(ran).as("the first run stops at the failure; the second runs every write, each in a savepoint")
                .containsExactly("holder", "before", "fail", "before", "fail", "after");
        ran.clear();
        CompletableFuture<String> alone = insert("alone");
        assertThat(alone.get(10, TimeUnit.SECONDS)).isEqualTo("alone");
        assertThat(ran).containsExactly("alone");
        assertThat(rows()).containsExactly("after", "alone", "before");
    }

    @Test
    void tells_a_guarded_write_whether_a_savepoint_guards_it_also_when_its_first_run_is_the_second_run_of_its_batch()
            throws Exception {
        CompletableFuture<String> holder = holdTheWriter();
        List<String> runs = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<String> first = writes.submit("first", guarded("first", runs));
        CompletableFuture<String> failing = writes.submit("fail", c -> {
            execute(c, "INSERT INTO t VALUES ('dup'), ('dup')");
            return "never";
        });
        CompletableFuture<String> late = writes.submit("late", guarded("late", runs));
        release.countDown();
        holder.get(10, TimeUnit.SECONDS);

        assertThat(catchFailure(failing)).isInstanceOf(LedgerException.class);
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("first");
        assertThat(late.get(10, TimeUnit.SECONDS)).isEqualTo("late");
        assertThat(runs).as("a write the failure kept from its first run is guarded in the second, not unguarded")
                .containsExactly("first unguarded", "first guarded", "late guarded");
    }

    private static Transactions.GuardedWork<String> guarded(String name, List<String> runs) {
        return (c, guarded) -> {
            runs.add(name + (guarded ? " guarded" : " unguarded"));
            return name;
        };
    }

    @Test
    void runs_a_batch_that_met_a_deadlock_again_and_fails_a_write_that_keeps_meeting_one() throws Exception {
        CompletableFuture<String> holder = holdTheWriter();
        List<String> runs = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<String> unlucky = writes.submit("insert unlucky", c -> {
            runs.add("unlucky");
            execute(c, "INSERT INTO t VALUES ('unlucky')");
            if (runs.size() < 3) {
                throw new SQLException("deadlock detected", "40P01");
            }
            return "unlucky";
        });
        CompletableFuture<String> hopeless = writes.submit("insert hopeless", c -> {
            throw new SQLException("Deadlock detected. The current transaction was rolled back.", "40001");
        });
        CompletableFuture<String> bystander = insert("bystander");
        release.countDown();
        holder.get(10, TimeUnit.SECONDS);

        assertThat(unlucky.get(10, TimeUnit.SECONDS)).isEqualTo("unlucky");
        assertThat(runs).as("the first run, the careful one that met the deadlock, the last").hasSize(3);
        assertThat(JobLedger.unwrap(catchFailure(hopeless))).isInstanceOf(LedgerException.class)
                .hasMessageStartingWith("cannot insert hopeless: Deadlock detected.");
        assertThat(bystander.get(10, TimeUnit.SECONDS)).isEqualTo("bystander");
        assertThat(rows()).containsExactly("bystander", "unlucky");
        assertThat(writes.progress().writerAlive()).isTrue();
    }

    @Test
    void a_batch_whose_commit_fails_fails_every_write_in_it() throws Exception {
        CompletableFuture<String> holder = holdTheWriter();
        CompletableFuture<String> first = insert("first");
        CompletableFuture<Void> breaker = writes.submit("lose the connection", c -> {
            c.close();
            return null;
        });
        CompletableFuture<String> last = insert("last");

        release.countDown();
        holder.get(10, TimeUnit.SECONDS);

        assertThat(JobLedger.unwrap(catchFailure(first))).isInstanceOf(LedgerException.class)
                .hasMessageStartingWith("cannot insert first: ");
        assertThat(JobLedger.unwrap(catchFailure(breaker))).isInstanceOf(LedgerException.class);
        assertThat(JobLedger.unwrap(catchFailure(last))).isInstanceOf(LedgerException.class);
        assertThat(rows()).isEmpty();
    }

    @Test
    void finishes_what_was_submitted_before_closing_and_refuses_what_comes_after() throws Exception {
        CompletableFuture<String> holder = holdTheWriter();
        CompletableFuture<String> queued = insert("queued");
        Thread closer = new Thread(() -> {
            try {
                writes.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        closer.start();
        release.countDown();
        closer.join(10_000);

        assertThat(holder.get(10, TimeUnit.SECONDS)).isEqualTo("holder");
        assertThat(queued.get(10, TimeUnit.SECONDS)).isEqualTo("queued");
        assertThat(JobLedger.unwrap(catchFailure(insert("too-late")))).isInstanceOf(LedgerException.class)
                .hasMessage("cannot insert too-late: the ledger is closed");
        assertThat(rows()).containsExactly("queued");
    }

    @Test
    void refuses_a_write_submitted_from_its_own_writer_thread_instead_of_waiting_for_itself() throws Exception {
        CompletableFuture<CompletableFuture<String>> nested = new CompletableFuture<>();
        CompletableFuture<String> outer = writes.submit("outer", c -> {
            nested.complete(writes.submit("inner", inner -> "never"));
            return "outer";
        });

        assertThat(outer.get(10, TimeUnit.SECONDS)).isEqualTo("outer");
        assertThat(catchFailure(nested.get(10, TimeUnit.SECONDS))).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("cannot inner from the ledger's writer thread");
    }

    @Test
    void survives_an_out_of_memory_error_in_one_write_of_a_batch_and_commits_the_others() throws Exception {
        CompletableFuture<String> holder = holdTheWriter();
        CompletableFuture<String> before = insert("before");
        CompletableFuture<String> huge = writes.submit("record huge.yaml", c -> {
            execute(c, "INSERT INTO t VALUES ('half-done')");
            throw new OutOfMemoryError("Java heap space");
        });
        CompletableFuture<String> after = insert("after");

        release.countDown();
        holder.get(10, TimeUnit.SECONDS);

        assertThat(JobLedger.unwrap(catchFailure(huge))).isInstanceOf(LedgerException.class)
                .hasMessage("cannot record huge.yaml: java.lang.OutOfMemoryError: Java heap space");
        assertThat(before.get(10, TimeUnit.SECONDS)).isEqualTo("before");
        assertThat(after.get(10, TimeUnit.SECONDS)).isEqualTo("after");
        assertThat(rows()).containsExactly("after", "before");
        assertThat(insert("later").get(10, TimeUnit.SECONDS)).isEqualTo("later");
    }

    @Test
    void keeps_serving_writes_after_a_lone_write_throws_an_error_or_a_runtime_exception() throws Exception {
        List<Throwable> thrown = List.of(new OutOfMemoryError("Java heap space"), new StackOverflowError(),
                new IllegalStateException("bug"));
        for (Throwable t : thrown) {
            CompletableFuture<String> bad = writes.submit("bad write", c -> {
                execute(c, "INSERT INTO t VALUES ('half-done')");
                if (t instanceof Error e) {
                    throw e;
                }
                throw (RuntimeException) t;
            });
            assertThat(catchFailure(bad)).isInstanceOfAny(LedgerException.class, IllegalStateException.class);
            assertThat(insert("after-" + t.getClass().getSimpleName()).get(10, TimeUnit.SECONDS)).isNotNull();
        }
        assertThat(rows()).containsExactly("after-IllegalStateException", "after-OutOfMemoryError",
                "after-StackOverflowError");
        assertThat(writes.progress().writerAlive()).isTrue();
    }

    @Test
    void keeps_serving_writes_after_a_failed_commit_and_tells_the_listener_about_both() throws Exception {
        List<String> heard = Collections.synchronizedList(new ArrayList<>());
        writes.listener(new LedgerListener() {
            @Override
            public void unavailable(Throwable cause) {
                heard.add("unavailable");
            }

            @Override
            public void committed() {
                heard.add("committed");
            }
        });
        CompletableFuture<Void> breaker = writes.submit("lose the connection", c -> {
            c.close();
            return null;
        });
        assertThat(JobLedger.unwrap(catchFailure(breaker))).isInstanceOf(LedgerUnavailableException.class);

        assertThat(insert("next").get(10, TimeUnit.SECONDS)).isEqualTo("next");
        assertThat(rows()).containsExactly("next");
        assertThat(heard).containsExactly("unavailable", "committed");
    }

    @Test
    void backs_off_between_batches_while_the_database_is_unreachable() throws Exception {
        JdbcDataSource nowhere = new JdbcDataSource();
        nowhere.setURL("jdbc:h2:tcp://127.0.0.1:" + freePort() + "/nothing");
        GroupCommit unreachable = new GroupCommit(nowhere, 10, "unreachable-writer");
        try {
            long start = System.nanoTime();
            for (int i = 0; i < 5; i++) {
                assertThat(JobLedger.unwrap(catchFailure(unreachable.submit("write " + i, c -> "never"))))
                        .isInstanceOf(LedgerUnavailableException.class).hasMessageStartingWith("cannot write " + i + ": ");
            }
            // 50 + 100 + 200 + 400 ms of backoff between the five failed batches
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofMillis(700));
            assertThat(unreachable.progress().stalled(Duration.ZERO)).isFalse();
        } finally {
            unreachable.close();
        }
    }

    @Test
    void close_returns_in_bounded_time_when_a_write_hangs_and_fails_what_is_still_queued() throws Exception {
        execute(keepAlive, "INSERT INTO t VALUES ('locked')");
        keepAlive.setAutoCommit(false);
        execute(keepAlive, "UPDATE t SET name = 'locked' WHERE name = 'locked'");
        GroupCommit stuck = new GroupCommit(dataSource, 1, "stuck-writer", Duration.ofMillis(300));
        CompletableFuture<Integer> hanging = stuck.submit("wait for a lock", c -> {
            try (Statement s = c.createStatement()) {
                s.execute("SET LOCK_TIMEOUT 20000");
                return s.executeUpdate("UPDATE t SET name = 'locked' WHERE name = 'locked'");
            }
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> stuck.progress().waiting() == 1);
        CompletableFuture<String> queued = stuck.submit("queued", c -> "never");

        long start = System.nanoTime();
        stuck.close();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));

        assertThat(catchFailure(queued)).isInstanceOf(LedgerException.class)
                .hasMessage("cannot queued: the ledger closed before the database took it");
        keepAlive.rollback();
        keepAlive.setAutoCommit(true);
        hanging.handle((r, e) -> null).get(30, TimeUnit.SECONDS);
    }

    @Test
    void reports_a_stall_when_writes_wait_and_nothing_commits() throws Exception {
        CompletableFuture<String> holder = holdTheWriter();
        CompletableFuture<String> waiting = insert("waiting");
        await().atMost(Duration.ofSeconds(5)).until(() -> writes.progress().stalled(Duration.ofMillis(200)));
        assertThat(writes.progress().waiting()).isEqualTo(2);

        release.countDown();
        holder.get(10, TimeUnit.SECONDS);
        waiting.get(10, TimeUnit.SECONDS);
        assertThat(writes.progress().stalled(Duration.ofMillis(200))).isFalse();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A first write that keeps the writer busy until {@link #release}; what is submitted meanwhile waits. */
    private CompletableFuture<String> holdTheWriter() throws InterruptedException {
        CountDownLatch running = new CountDownLatch(1);
        CompletableFuture<String> holder = writes.submit("hold", c -> {
            ran.add("holder");
            connections.add(c);
            running.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "holder";
        });
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
        return holder;
    }

    private CompletableFuture<String> insert(String name) {
        return writes.submit("insert " + name, c -> {
            ran.add(name);
            connections.add(c);
            execute(c, "INSERT INTO t VALUES ('" + name + "')");
            return name;
        });
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static Throwable catchFailure(CompletableFuture<?> write) throws InterruptedException {
        try {
            write.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (TimeoutException e) {
            throw new AssertionError("the write did not complete", e);
        }
        throw new AssertionError("the write succeeded");
    }

    private List<String> rows() throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement s = keepAlive.createStatement(); ResultSet r = s.executeQuery("SELECT name FROM t ORDER BY name")) {
            while (r.next()) {
                names.add(r.getString(1));
            }
        }
        return names;
    }
}
