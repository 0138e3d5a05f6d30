package io.jobdrop.store;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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
