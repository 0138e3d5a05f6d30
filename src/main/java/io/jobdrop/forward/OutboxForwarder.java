package io.jobdrop.forward;

import io.jobdrop.store.AttemptOutcome;
import io.jobdrop.store.Delivery;
import io.jobdrop.store.JobLedger;
import io.jobdrop.store.OutboxItem;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Message;
import org.apache.camel.component.http.HttpMethods;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.spi.LoggingEventBuilder;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The forward route's steps: claim due outbox rows, turn one into the orchestrator request, and record what the
 * answer (or the failure to get one) means. Every attempt is recorded in the ledger, which schedules what comes next.
 */
public final class OutboxForwarder {

    /** Set while one outbox item is being forwarded; the error policy uses it to tell forward failures apart. */
    public static final String ITEM = "jobdropOutboxItem";
    private static final String SENT_AT = "jobdropSentAt";
    private static final Logger LOG = LoggerFactory.getLogger("jobdrop.forward");
    /**
     * The method as camel-http's own type: given as text, the producer converts it on every request, and Camel's
     * converter registry finds no String-to-enum converter by a scan of all converters before it falls back to
     * valueOf (a tenth of a burst's allocation, bench/).
     */
    static final HttpMethods METHOD = HttpMethods.valueOf(SubmitRequest.METHOD);

    private final JobLedger ledger;
    private final ResponseClassifier classifier;
    private final ForwardGate gate;
    private final String token;
    private final int batch;
    private final Duration lease;
    private final Duration pollInterval;
    private final Clock clock;
    private final ForwardObserver observer;
    private final AtomicBoolean nudged = new AtomicBoolean(true);
    private volatile long nextPollNanos;
    private volatile OrchestratorStatus orchestratorStatus = OrchestratorStatus.NONE;

    public OutboxForwarder(JobLedger ledger, ResponseClassifier classifier, ForwardGate gate, String token, int batch,
                           Duration lease, Duration pollInterval, Clock clock) {
        this(ledger, classifier, gate, token, batch, lease, pollInterval, clock, ForwardObserver.NONE);
    }

    /** @param observer told of each attempt once committed (metrics) */
    public OutboxForwarder(JobLedger ledger, ResponseClassifier classifier, ForwardGate gate, String token, int batch,
                           Duration lease, Duration pollInterval, Clock clock, ForwardObserver observer) {
        this.observer = observer;
        this.ledger = ledger;
        this.classifier = classifier;
        this.gate = gate;
        this.token = token == null || token.isBlank() ? null : token;
        this.batch = batch;
        this.lease = lease;
        this.pollInterval = pollInterval;
        this.clock = clock;
    }

    /** Who hears whether the orchestrator answers at all (its outage is logged there, once). */
    public void orchestratorStatus(OrchestratorStatus status) {
        this.orchestratorStatus = status;
    }

    /**
     * At start: jobs paused because the orchestrator refused another token than the one jobdrop has now become due
     * at once, rather than waiting out a pause meant for the refused token.
     */
    public void resumeJobsRefusedOtherCredentials() {
        int resumed = ledger.resumeRefusedOtherThan(CredentialsFingerprint.of(token));
        if (resumed > 0) {
            LOG.info("{} jobs paused after the orchestrator refused other credentials are due now", resumed);
        }
    }

    /** Intake recorded new work: the next tick claims at once instead of waiting for the poll interval. */
    public void nudge() {
        nudged.set(true);
    }

    /**
     * Due jobs, at most one batch. The forward timer ticks often; the ledger is asked only when intake nudged, when
     * the last claim was a full batch, or once per poll interval (for retries that came due and for jobs recorded by
     * other instances). None while forwarding is paused after a 401/403.
     */
    public List<OutboxItem> claim() {
        if (!gate.isOpen(clock.instant())) {
            return List.of();
        }
        long now = System.nanoTime();
        if (!nudged.getAndSet(false) && now - nextPollNanos < 0) {
            return List.of();
        }
        nextPollNanos = now + pollInterval.toNanos();
        List<OutboxItem> due = ledger.claimDue(batch, lease);
        if (due.size() == batch) {
            nudged.set(true);
        }
        return due;
    }

    public void prepare(Exchange exchange) throws InvalidPayloadException {
        OutboxItem item = exchange.getMessage().getMandatoryBody(OutboxItem.class);
        exchange.setProperty(ITEM, item);
        exchange.setProperty(SENT_AT, System.nanoTime());
        SubmitRequest request = item.isRerun() ? SubmitRequest.rerun(token)
                : item.isForced() ? SubmitRequest.forced(item.specJson(), token)
                : SubmitRequest.of(item.specJson(), token);
        Message message = exchange.getMessage();
        message.removeHeaders("*");
        request.headers().forEach(message::setHeader);
        if (item.isRerun()) {
            message.setHeader(Exchange.HTTP_PATH, "/" + java.net.URLEncoder.encode(item.orchestratorRef(),
                    java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20") + "/rerun");
            message.setHeader(Exchange.HTTP_QUERY, "namespace=" + java.net.URLEncoder.encode(item.namespace(),
                    java.nio.charset.StandardCharsets.UTF_8));
        }
        message.setHeader(Exchange.HTTP_METHOD, METHOD);
        message.setBody(request.body());
    }

    /**
     * What the orchestrator answered for one exchange, with any status, or the failure to get one (refused, timed
     * out, reset: the error policy caught it), classified once. Recording it may fail and be tried again; it is never
     * classified again.
     */
    public Answer answer(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        Message message = exchange.getMessage();
        Integer status = failure != null ? null : message.getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        String retryAfter = failure != null ? null : message.getHeader("Retry-After", String.class);
        String body = failure != null ? null : message.getBody(String.class);
        OutboxItem item = exchange.getProperty(ITEM, OutboxItem.class);
        if (item == null) {
            throw new IllegalStateException("no outbox item on exchange " + exchange.getExchangeId());
        }
        long latencyMs = (System.nanoTime() - exchange.getProperty(SENT_AT, System.nanoTime(), Long.class)) / 1_000_000;
        Delivery delivery = classifier.classify(status, retryAfter, body, failure, item.failures(), item.queuedAt(),
                clock.instant());
        if (item.isRerun()) {
            delivery = RerunAnswers.classify(status, body, delivery);
        }
        if (delivery instanceof Delivery.Retry retry && status != null && (status == 401 || status == 403)) {
            delivery = retry.refusedWith(CredentialsFingerprint.of(token));
        }
        if (status == null) {
            orchestratorStatus.unreachable(ResponseClassifier.describe(failure == null
                    ? new IllegalStateException("no response") : failure));
        } else {
            orchestratorStatus.answered();
        }
        return new Answer(item, status, latencyMs, delivery);
    }

    /** Records an answer in the ledger; completes once the attempt is committed and logged. */
    public CompletableFuture<Void> record(Answer answer) {
        OutboxItem item = answer.item();
        // Camel's MDC (camel.main.useMdcLogging) names the route here; the log line is written after the commit,
        // on another thread
        String route = MDC.get("camel.routeId");
        return ledger.submitAttempt(item, answer.status(), answer.latencyMs(), errorOf(answer.delivery()),
                        answer.delivery())
                .thenRun(() -> {
                    if (route == null) {
                        log(item, answer.status(), answer.delivery());
                    } else {
                        try (MDC.MDCCloseable ignored = MDC.putCloseable("camel.routeId", route)) {
                            log(item, answer.status(), answer.delivery());
                        }
                    }
                    observer.attempted(item, AttemptOutcome.of(answer.delivery()),
                            Duration.ofMillis(answer.latencyMs()), Duration.between(item.queuedAt(), clock.instant()));
                });
    }

    /** Classifies and records in one go. */
    public CompletableFuture<Void> finish(Exchange exchange) {
        return record(answer(exchange));
    }

    private static String errorOf(Delivery delivery) {
        if (delivery instanceof Delivery.Retry r) {
            return r.reason();
        }
        if (delivery instanceof Delivery.Rejected r) {
            return r.message();
        }
        if (delivery instanceof Delivery.Dead d) {
            return d.reason();
        }
        return null;
    }

    private static void log(OutboxItem item, Integer status, Delivery delivery) {
        String job = "job " + item.jobId() + " (" + item.namespace() + "/" + item.name() + ") v" + item.version();
        if (delivery instanceof Delivery.Submitted s) {
            at(LOG.atInfo(), item).log("{} forwarded: orchestrator job {}, evaluation {}{}", job,
                    s.orchestratorJobId(), s.evaluationId(), s.warnings().isEmpty() ? "" : ", warnings " + s.warnings());
        } else if (delivery instanceof Delivery.AlreadyPresent) {
            at(LOG.atInfo(), item).log("{} forwarded: the orchestrator already has this spec", job);
        } else if (delivery instanceof Delivery.Rejected r) {
            at(LOG.atWarn(), item).log("{} rejected by the orchestrator (HTTP {}), dead letter: {}", job, status,
                    r.message());
        } else if (delivery instanceof Delivery.Retry r && status == null) {
            // the orchestrator's outage is logged once, by the outages bean; each job's retry only on request
            at(LOG.atDebug(), item).log("{} not delivered: {}; next attempt at {}", job, r.reason(), r.notBefore());
        } else if (delivery instanceof Delivery.Retry r) {
            at(LOG.atWarn(), item).log("{} not delivered: {}; next attempt at {}", job, r.reason(), r.notBefore());
        } else if (delivery instanceof Delivery.Dead d) {
            at(LOG.atError(), item).log("{} dead letter: {}", job, d.reason());
        } else if (delivery instanceof Delivery.RerunUnsupported u) {
            at(LOG.atInfo(), item).log("{}: the orchestrator has no rerun endpoint ({}); sending a forced submission",
                    job, u.reason());
        } else if (delivery instanceof Delivery.RerunRefused r) {
            at(LOG.atWarn(), item).log("{}: rerun refused by the orchestrator: {}", job, r.message());
        }
    }

    /** The job's fields for JSON logs (jobdrop.log.format=json); text lines show the message alone. */
    private static LoggingEventBuilder at(LoggingEventBuilder event, OutboxItem item) {
        return event.addKeyValue("jobId", item.jobId()).addKeyValue("namespace", item.namespace())
                .addKeyValue("name", item.name()).addKeyValue("version", item.version());
    }
}
