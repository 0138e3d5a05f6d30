package io.jobdrop.notify;

import com.zaxxer.hikari.HikariDataSource;
import io.jobdrop.forward.Backoff;
import io.jobdrop.ingest.FileVerdict;
import io.jobdrop.spec.Problem;
import io.jobdrop.store.IntakeClaim;
import io.jobdrop.store.JobLedger;
import io.jobdrop.store.LedgerDatabase;
import io.jobdrop.store.Notification;
import io.jobdrop.store.NotificationCounts;
import io.jobdrop.store.NotificationOutcome;
import io.jobdrop.store.NotifyTargets;
import io.jobdrop.testing.WebhookReceiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The notify route's steps against a real ledger (H2) and a real receiver; the clock moves by hand. */
class NotificationDeliveryTest {

    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    static final Duration MAX_AGE = Duration.ofHours(1);
    static final Duration RETENTION = Duration.ofDays(7);

    @TempDir
    Path folder;

    final AtomicReference<Instant> now = new AtomicReference<>(T0);
    final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    final WebhookReceiver receiver = WebhookReceiver.started();
    HikariDataSource dataSource;
    JobLedger ledger;
    NotifyTargets targets;

    @BeforeEach
    void openLedger() {
        dataSource = LedgerDatabase.open("jdbc:h2:file:" + folder.resolve("ledger"), "sa", "");
        targets = new NotifyTargets(List.of(URI.create(receiver.url())));
        ledger = new JobLedger(dataSource, clock, "test", 16, targets);
        ledger.recordFile(new IntakeClaim("inbox", "bad.yaml:1", "bad.yaml"),
                FileVerdict.rejected("bad.yaml", List.of(Problem.unplaced("missing job name")), List.of()));
    }

    @AfterEach
    void close() throws Exception {
        ledger.close();
        dataSource.close();
        receiver.close();
    }

    NotificationDelivery delivery(String token) {
        return delivery(token, ledger, targets);
    }

    NotificationDelivery delivery(String token, JobLedger ledger, NotifyTargets targets) {
        WebhookPolicy policy = new WebhookPolicy(5, MAX_AGE, new Backoff(Duration.ofSeconds(1),
                Duration.ofSeconds(10)), Duration.ofMinutes(5));
        return new NotificationDelivery(ledger, targets, new WebhookSender(token, Duration.ofSeconds(5)), policy, 10,
                Duration.ofSeconds(30), RETENTION, clock, NotifyObserver.NONE);
    }

    @Test
    void posts_the_event_with_the_bearer_token_and_settles_it_on_a_2xx() {
        NotificationDelivery delivery = delivery("t0ken");
        Notification n = delivery.claim().get(0);

        NotificationOutcome outcome = delivery.record(delivery.send(n));

        assertThat(outcome).isEqualTo(new NotificationOutcome.Delivered(204));
        assertThat(receiver.requests()).singleElement().satisfies(r -> {
            assertThat(r.authorization()).isEqualTo("Bearer t0ken");
            assertThat(r.contentType()).isEqualTo("application/cloudevents+json; charset=utf-8");
            assertThat(r.event().get("id").asText()).isEqualTo(n.eventId());
        });
        assertThat(ledger.notificationCounts()).isEqualTo(new NotificationCounts(0, 0, 1));
    }

    @Test
    void sends_no_authorization_header_without_a_token() {
        NotificationDelivery delivery = delivery("");
        delivery.record(delivery.send(delivery.claim().get(0)));

        assertThat(receiver.requests()).singleElement().satisfies(r -> assertThat(r.authorization()).isNull());
    }

    @Test
    void drops_a_notification_past_its_maximum_age_without_sending_it() {
        NotificationDelivery delivery = delivery("");
        now.set(T0.plus(MAX_AGE).plusSeconds(1));

        NotificationOutcome outcome = delivery.record(delivery.send(delivery.claim().get(0)));

        assertThat(outcome).isInstanceOfSatisfying(NotificationOutcome.GivenUp.class,
                g -> assertThat(g.error()).contains("not sent").contains("jobdrop.notify.max-age"));
        assertThat(receiver.requests()).isEmpty();
        assertThat(ledger.notificationCounts()).isEqualTo(new NotificationCounts(0, 1, 0));
    }

    @Test
    void a_2xx_that_arrives_as_the_maximum_age_passes_is_still_delivered() {
        NotificationDelivery delivery = delivery("");
        WebhookAnswer answer = delivery.send(delivery.claim().get(0));
        now.set(T0.plus(MAX_AGE).plusSeconds(1));

        assertThat(delivery.record(answer)).isEqualTo(new NotificationOutcome.Delivered(204));
    }

    @Test
    void a_refused_connection_is_retried_later() {
        receiver.close();
        NotificationDelivery delivery = delivery("");

        NotificationOutcome outcome = delivery.record(delivery.send(delivery.claim().get(0)));

        assertThat(outcome).isInstanceOfSatisfying(NotificationOutcome.Retry.class, r -> {
            assertThat(r.status()).isNull();
            assertThat(r.error()).contains("ConnectException");
            assertThat(r.notBefore()).isAfter(T0);
        });
        assertThat(delivery.claim()).isEmpty();
        assertThat(ledger.notificationCounts()).isEqualTo(new NotificationCounts(1, 0, 0));
    }

    @Test
    void a_url_that_fails_is_paused_on_its_own_while_the_others_are_still_claimed() throws Exception {
        String dead = "http://127.0.0.1:" + closedPort() + "/hook";
        NotifyTargets both = new NotifyTargets(List.of(URI.create(dead), URI.create(receiver.url())));
        JobLedger ledger = new JobLedger(dataSource, clock, "test", 16, both);
        try {
            NotificationDelivery delivery = delivery("", ledger, both);
            reject(ledger, "first.yaml");
            for (Notification n : delivery.claim()) {
                delivery.record(delivery.send(n));
            }
            assertThat(ledger.notificationCounts()).as("the dead URL's is pending").isEqualTo(
                    new NotificationCounts(1, 0, 2));

            reject(ledger, "second.yaml");

            assertThat(delivery.claim()).extracting(Notification::url, Notification::subject)
                    .containsExactly(tuple(receiver.url(), "second.yaml"));
            now.set(T0.plusSeconds(20)); // past the pause: the first failure's backoff is at most 1s
            assertThat(delivery.claim()).extracting(Notification::url, Notification::subject)
                    .containsExactlyInAnyOrder(tuple(dead, "first.yaml"), tuple(dead, "second.yaml"));
        } finally {
            ledger.close();
        }
    }

    static void reject(JobLedger ledger, String file) {
        ledger.recordFile(new IntakeClaim("inbox", file + ":1", file),
                FileVerdict.rejected(file, List.of(Problem.unplaced("missing job name")), List.of()));
    }

    static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void settled_notifications_are_deleted_once_older_than_the_retention_and_pending_ones_never() {
        receiver.answerAll(500);
        NotificationDelivery delivery = delivery("");
        delivery.record(delivery.send(delivery.claim().get(0))); // bad.yaml: retried
        now.set(T0.plusSeconds(30));
        reject(ledger, "refused.yaml");
        reject(ledger, "fine.yaml");
        for (Notification n : delivery.claim()) {
            if (!n.subject().equals("bad.yaml")) { // left pending
                receiver.answerAll(n.subject().equals("refused.yaml") ? 404 : 204);
                delivery.record(delivery.send(n));
            }
        }
        assertThat(ledger.notificationCounts()).isEqualTo(new NotificationCounts(1, 1, 1));

        now.set(T0.plusSeconds(30).plus(RETENTION));
        assertThat(delivery.prune()).as("settled exactly the retention ago: kept").isZero();
        now.set(T0.plusSeconds(31).plus(RETENTION));

        assertThat(delivery.prune()).isEqualTo(2);
        assertThat(ledger.notificationCounts()).isEqualTo(new NotificationCounts(1, 0, 0));
        assertThat(ledger.listNotifications(null, 10)).extracting(e -> e.subject()).containsExactly("bad.yaml");
    }

    @Test
    void claims_nothing_and_never_asks_the_ledger_while_off() throws Exception {
        dataSource.close(); // a question to the ledger would fail now
        NotificationDelivery off = new NotificationDelivery(ledger, NotifyTargets.NONE,
                new WebhookSender("", Duration.ofSeconds(1)), new WebhookPolicy(1, MAX_AGE,
                new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1)), Duration.ofSeconds(1)), 10,
                Duration.ofSeconds(30), RETENTION, clock, NotifyObserver.NONE);

        assertThat(off.claim()).isEmpty();
    }
}
