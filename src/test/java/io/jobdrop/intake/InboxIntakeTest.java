package io.jobdrop.intake;

import com.zaxxer.hikari.HikariDataSource;
import io.jobdrop.ingest.JobDefaults;
import io.jobdrop.ingest.JobFileReader;
import io.jobdrop.ingest.Stamper;
import io.jobdrop.store.JobLedger;
import io.jobdrop.store.LedgerDatabase;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The asynchronous inbox step on its own, with a real ledger: what it tells the route, and when. */
class InboxIntakeTest {

    @TempDir
    Path inbox;

    private final HikariDataSource database = LedgerDatabase.open("jdbc:h2:mem:inbox-" + UUID.randomUUID()
            + ";DB_CLOSE_DELAY=-1", "sa", "");
    private final JobLedger ledger = new JobLedger(database, Clock.systemUTC(), "test");
    private final DefaultCamelContext camel = new DefaultCamelContext();
    private final InboxIntake intake = new InboxIntake(new JobFileIntake(
            new JobFileReader(true, Map.of(), new Stamper(Clock.systemUTC(), UUID::randomUUID), JobDefaults.BACALHAU),
            ledger, new IntakeLog(), Runnable::run), 2, 10L << 20, new RetryBackoff(100, 30_000));

    @AfterEach
    void close() throws Exception {
        ledger.close();
        database.close();
    }

    @Test
    void goes_on_once_each_file_is_committed_with_the_folder_it_belongs_in() throws Exception {
        List<Exchange> exchanges = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(6);
        for (int i = 0; i < 6; i++) {
            String content = i % 3 == 2 ? "Name: broken\nType: batch\n" : job("job-" + i);
            Exchange exchange = exchangeFor(write("f" + i + ".yaml", content));
            exchanges.add(exchange);
            boolean sync = intake.process(exchange, doneSync -> done.countDown());
            assertThat(sync).as("the step goes on asynchronously").isFalse();
        }

        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        for (int i = 0; i < 6; i++) {
            Exchange exchange = exchanges.get(i);
            assertThat(exchange.getException()).isNull();
            if (i % 3 == 2) {
                assertThat(exchange.getProperty(InboxIntake.FOLDER)).isEqualTo(".error");
                assertThat(exchange.getProperty(InboxIntake.REPORT, String.class))
                        .contains("\"file\":\"f" + i + ".yaml\"", "\"verdict\":\"rejected\"");
            } else {
                assertThat(exchange.getProperty(InboxIntake.FOLDER)).isEqualTo(".done");
            }
        }
        assertThat(ledger.listJobs(null, 100)).extracting(summary -> summary.name())
                .containsExactlyInAnyOrder("job-0", "job-1", "job-3", "job-4");
    }

    @Test
    void judges_files_side_by_side_and_records_them_in_the_order_they_came() throws Exception {
        // a pool that finishes the files it was given last first: the later files of one job are judged first
        List<Runnable> judging = new ArrayList<>();
        InboxIntake sideBySide = new InboxIntake(fileIntake(UUID::randomUUID), judging::add, 10, 10L << 20,
                new RetryBackoff(100, 30_000));
        List<Exchange> exchanges = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(3);
        for (int i = 1; i <= 3; i++) {
            Exchange exchange = exchangeFor(write("v" + i + ".yaml", job("same").replace("24.04", "v" + i)));
            exchanges.add(exchange);
            assertThat(sideBySide.process(exchange, doneSync -> done.countDown())).isFalse();
        }
        assertThat(judging).hasSize(3);
        for (int i = judging.size() - 1; i >= 0; i--) {
            judging.get(i).run();
        }

        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(exchanges).allSatisfy(exchange -> assertThat(exchange.getException()).isNull());
        assertThat(ledger.show("same").orElseThrow().versions())
                .extracting(version -> version.version() + " " + version.source())
                .containsExactly("1 " + inbox.resolve("v1.yaml"), "2 " + inbox.resolve("v2.yaml"),
                        "3 " + inbox.resolve("v3.yaml"));
    }

    @Test
    void a_file_the_reader_fails_on_with_an_error_fails_alone_and_the_files_after_it_go_on() throws Exception {
        AtomicInteger stamped = new AtomicInteger();
        // one judging thread, so the first file stamped is huge.yaml: with two, next.yaml could be stamped first and
        // take the error; the thread that threw must still judge the file after it
        ExecutorService judges = Executors.newSingleThreadExecutor();
        try {
            InboxIntake step = new InboxIntake(fileIntake(() -> {
                if (stamped.getAndIncrement() == 0) {
                    throw new OutOfMemoryError("Java heap space");
                }
                return UUID.randomUUID();
            }), judges, 10, 10L << 20, new RetryBackoff(100, 30_000));
            Exchange huge = exchangeFor(write("huge.yaml", job("huge")));
            Exchange next = exchangeFor(write("next.yaml", job("next")));
            CountDownLatch done = new CountDownLatch(2);
            step.process(huge, doneSync -> done.countDown());
            step.process(next, doneSync -> done.countDown());

            assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(huge.getException()).isInstanceOf(IllegalStateException.class)
                    .hasMessage("cannot judge huge.yaml: java.lang.OutOfMemoryError: Java heap space");
            assertThat(next.getException()).isNull();
            assertThat(next.getProperty(InboxIntake.FOLDER)).isEqualTo(".done");
            assertThat(ledger.listJobs(null, 10)).extracting(summary -> summary.name()).containsExactly("next");
        } finally {
            judges.shutdownNow();
        }
    }

    private JobFileIntake fileIntake(java.util.function.Supplier<UUID> uuids) {
        return new JobFileIntake(new JobFileReader(true, Map.of(), new Stamper(Clock.systemUTC(), uuids),
                JobDefaults.BACALHAU), ledger, new IntakeLog(), Runnable::run);
    }

    @Test
    void fails_a_file_that_is_gone_at_once_with_no_such_file_so_the_route_rolls_it_back_quietly() throws Exception {
        File gone = write("gone.yaml", job("gone")).toFile();
        Files.delete(gone.toPath());
        Exchange exchange = exchangeFor(gone);

        assertThat(intake.process(exchange, doneSync -> { })).isTrue();
        assertThat(exchange.getException()).isInstanceOf(NoSuchFileException.class);
        // its in-flight permit came back: two more files still go through a step that allows two at once
        CountDownLatch done = new CountDownLatch(2);
        intake.process(exchangeFor(write("a.yaml", job("a")).toFile()), doneSync -> done.countDown());
        intake.process(exchangeFor(write("b.yaml", job("b")).toFile()), doneSync -> done.countDown());
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(ledger.listJobs(null, 100)).extracting(summary -> summary.name()).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void a_file_whose_record_failed_waits_out_its_backoff_however_the_inbox_was_named() throws Exception {
        RetryBackoff backoff = new RetryBackoff(60_000, 60_000);
        InboxIntake step = new InboxIntake(new JobFileIntake(
                new JobFileReader(true, Map.of(), new Stamper(Clock.systemUTC(), UUID::randomUUID), JobDefaults.BACALHAU),
                ledger, new IntakeLog(), Runnable::run), 2, 10L << 20, backoff);
        Path file = write("down.yaml", job("down"));
        database.close(); // the ledger is down
        // a relative inbox (the default is ./inbox): the filter knows the file by its absolute path
        Exchange exchange = exchangeFor(Path.of("").toAbsolutePath().relativize(file).toFile());
        CountDownLatch done = new CountDownLatch(1);
        step.process(exchange, doneSync -> done.countDown());

        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(exchange.getException()).isNotNull();
        assertThat(backoff.due(file.toAbsolutePath().toString())).isFalse();
    }

    @Test
    void reads_no_more_than_one_byte_past_the_limit_of_a_file_that_grew_after_its_size_was_checked() throws Exception {
        Path grown = write("grown.yaml", "x".repeat(5000));

        assertThat(InboxIntake.readAtMost(grown, 100)).hasSize(101);
        assertThat(InboxIntake.readAtMost(grown, 10_000)).hasSize(5000);
    }

    @Test
    void does_not_read_through_a_link_that_replaced_the_file_after_the_scan() throws Exception {
        Path target = write("elsewhere.txt", job("elsewhere"));
        Path link = java.nio.file.Files.createSymbolicLink(inbox.resolve("swapped.yaml"), target);
        Exchange exchange = exchangeFor(link);

        assertThat(intake.process(exchange, doneSync -> { })).isTrue();
        assertThat(exchange.getException()).isInstanceOf(NoSuchFileException.class).hasMessageContaining("no longer a regular file");
        assertThat(ledger.listJobs(null, 10)).isEmpty();
    }

    private Exchange exchangeFor(Path file) {
        return exchangeFor(file.toFile());
    }

    private Exchange exchangeFor(File file) {
        Exchange exchange = new DefaultExchange(camel);
        exchange.getMessage().setBody(file);
        exchange.getMessage().setHeader(Exchange.FILE_NAME, file.getName());
        exchange.getMessage().setHeader(Exchange.FILE_PATH, file.getPath());
        exchange.getMessage().setHeader(Exchange.FILE_LAST_MODIFIED, file.lastModified());
        return exchange;
    }

    private Path write(String name, String content) throws Exception {
        return Files.writeString(inbox.resolve(name), content);
    }

    private static String job(String name) {
        return """
                Name: %s
                Type: batch
                Tasks:
                  - Name: main
                    Engine:
                      Type: docker
                      Params:
                        Image: ubuntu:24.04
                """.formatted(name);
    }
}
