package io.jobdrop.follow;

import io.jobdrop.forward.Backoff;
import io.jobdrop.forward.ForwardGate;
import io.jobdrop.forward.OrchestratorStatus;
import io.jobdrop.forward.ResponseClassifier;
import io.jobdrop.store.FollowDecision;
import io.jobdrop.store.FollowItem;
import io.jobdrop.store.JobLedger;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Message;
import org.apache.camel.component.http.HttpMethods;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The follow route's steps: claim the followed jobs whose poll is due, ask the orchestrator for one
 * ({@code GET /api/v1/orchestrator/jobs/{id}?include=executions&namespace=…}), and record what its answer (or the
 * failure to get one) means. The ledger keeps every due time, so a restart or a kill loses nothing.
 */
public final class JobFollower {

    /** Set while one followed job is polled; the error policy uses it to tell poll failures apart. */
    public static final String ITEM = "jobdropFollowItem";
    private static final Logger LOG = LoggerFactory.getLogger("jobdrop.follow");

    private final JobLedger ledger;
    private final FollowPolicy policy;
    private final PollClassifier classifier;
    private final ForwardGate gate;
    private final String token;
    private final Clock clock;
    private final GiveWay giveWay;
    private volatile OrchestratorStatus orchestratorStatus = OrchestratorStatus.NONE;

    public JobFollower(JobLedger ledger, FollowPolicy policy, ForwardGate gate, String token, Clock clock,
                       GiveWay giveWay) {
        this.ledger = ledger;
        this.giveWay = giveWay;
        this.policy = policy;
        this.gate = gate;
        this.classifier = new PollClassifier(policy, new Backoff(policy.firstPoll(), policy.maxInterval()), gate);
        this.token = token == null || token.isBlank() ? null : token;
        this.clock = clock;
    }

    /** Who hears whether the orchestrator answers at all (shared with forwarding: one outage, one report). */
    public void orchestratorStatus(OrchestratorStatus status) {
        this.orchestratorStatus = status;
    }

    /**
     * Due polls, at most one batch per round; none while the orchestrator refuses jobdrop's credentials, and none
     * while following gives way to intake ({@link GiveWay}).
     */
    public List<FollowItem> claim() {
        Instant now = clock.instant();
        if (!gate.isOpen(now) || giveWay.skip(now)) {
            return List.of();
        }
        return ledger.claimFollows(policy.batch(), policy.lease());
    }

    public void prepare(Exchange exchange) throws InvalidPayloadException {
        FollowItem item = exchange.getMessage().getMandatoryBody(FollowItem.class);
        exchange.setProperty(ITEM, item);
        Message message = exchange.getMessage();
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_METHOD, HttpMethods.GET); // typed, see OutboxForwarder.METHOD
        message.setHeader(Exchange.HTTP_PATH, "/" + encode(item.orchestratorJobId()));
        message.setHeader(Exchange.HTTP_QUERY, "include=executions&namespace=" + encode(item.namespace()));
        message.setHeader("Accept", "application/json");
        if (token != null) {
            message.setHeader("Authorization", "Bearer " + token);
        }
        message.setBody(null);
    }

    /**
     * The poll's answer (or the failure the error policy caught), classified once; tells the orchestrator's status
     * whether it answered.
     */
    public Poll answer(Exchange exchange) {
        FollowItem item = exchange.getProperty(ITEM, FollowItem.class);
        if (item == null) {
            throw new IllegalStateException("no followed job on exchange " + exchange.getExchangeId());
        }
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        Message message = exchange.getMessage();
        Integer status = failure != null ? null : message.getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        if (status == null) {
            orchestratorStatus.unreachable(ResponseClassifier.describe(failure == null
                    ? new IllegalStateException("no response") : failure));
        } else {
            orchestratorStatus.answered();
        }
        FollowDecision decision = classifier.classify(item, status,
                failure != null ? null : message.getHeader("Retry-After", String.class),
                failure != null ? null : message.getBody(String.class), failure, clock.instant());
        return new Poll(item, status, decision);
    }

    /** Submits the poll's decision to the ledger; completes once it is committed. */
    public CompletableFuture<Void> record(Poll poll) {
        return ledger.submitFollow(poll.item(), poll.decision());
    }

    /** Logs a state change (or a job given up on) once the poll that saw it is committed. */
    public void recorded(Poll poll) {
        log(poll.item(), poll.status(), poll.decision());
    }

    /** One followed job's poll: what was asked, the HTTP status (null: no answer) and what it means. */
    public record Poll(FollowItem item, Integer status, FollowDecision decision) {
    }

    private static void log(FollowItem item, Integer status, FollowDecision decision) {
        if (decision instanceof FollowDecision.Seen seen && !seen.observation().state().equals(item.state())) {
            String message = seen.observation().message();
            LOG.atInfo().addKeyValue("jobId", item.jobId()).addKeyValue("name", item.name())
                    .log("{} {}{}", item.job(), seen.observation().state().toLowerCase(java.util.Locale.ROOT),
                            message.isEmpty() ? "" : ": " + message);
        } else if (decision instanceof FollowDecision.GiveUp giveUp) {
            LOG.atWarn().addKeyValue("jobId", item.jobId()).addKeyValue("name", item.name())
                    .log("{} unknown: {}", item.job(), giveUp.reason());
        } else if (decision instanceof FollowDecision.Retry retry && status != null) {
            LOG.atDebug().log("{} not polled: {}; next poll at {}", item.job(), retry.reason(), retry.notBefore());
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
