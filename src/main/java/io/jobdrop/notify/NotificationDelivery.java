package io.jobdrop.notify;

import io.jobdrop.store.JobLedger;
import io.jobdrop.store.Notification;
import io.jobdrop.store.NotificationOutcome;
import io.jobdrop.store.NotifyTargets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The notify route's steps (routes/notify.camel.yaml): claim due notifications under a lease, POST one, record what
 * the answer decided. Every attempt is recorded in the ledger, which holds the next due time, so a restart loses
 * nothing; a crash between the POST and the record sends the event again after the lease (at least once: receivers
 * deduplicate on the CloudEvent id).
 */
public final class NotificationDelivery {

    private static final Logger LOG = LoggerFactory.getLogger("jobdrop.notify");

    private final JobLedger ledger;
    private final NotifyTargets targets;
    private final WebhookSender sender;
    private final WebhookPolicy policy;
    private final int batch;
    private final Duration lease;
    private final Duration retention;
    private final Clock clock;
    private final NotifyObserver observer;
    private final UrlPauses pauses;

    public NotificationDelivery(JobLedger ledger, NotifyTargets targets, WebhookSender sender, WebhookPolicy policy,
                                int batch, Duration lease, Duration retention, Clock clock, NotifyObserver observer) {
        this.ledger = ledger;
        this.targets = targets;
        this.sender = sender;
        this.policy = policy;
        this.batch = batch;
        this.lease = lease;
        this.retention = retention;
        this.clock = clock;
        this.observer = observer;
        this.pauses = new UrlPauses(policy.backoff());
    }

    /**
     * Due notifications, at most one batch, none to a URL paused after failing; none, without asking the ledger,
     * while notifications are off.
     */
    public List<Notification> claim() {
        if (targets.off()) {
            return List.of();
        }
        return ledger.claimNotifications(batch, lease, pauses.paused(clock.instant()));
    }

    /**
     * Deletes the notifications delivered or given up longer than jobdrop.notify.retention ago (the route's prune
     * timer), so the outbox does not grow for good; nothing while notifications are off.
     */
    public int prune() {
        if (targets.off()) {
            return 0;
        }
        int deleted = ledger.pruneNotifications(retention);
        if (deleted > 0) {
            LOG.atDebug().log("deleted {} notifications settled more than {} ago", deleted, retention);
        }
        return deleted;
    }

    /** POSTs one notification; a notification past jobdrop.notify.max-age is not sent. */
    public WebhookAnswer send(Notification notification) {
        if (policy.expired(notification.createdAt(), clock.instant())) {
            return WebhookAnswer.unsent(notification, "not sent: older than jobdrop.notify.max-age "
                    + policy.maxAge());
        }
        return sender.send(notification);
    }

    /** Records what the answer decided, and logs a give-up. */
    public NotificationOutcome record(WebhookAnswer answer) {
        Notification n = answer.notification();
        Instant now = clock.instant();
        NotificationOutcome outcome = !answer.sent()
                ? new NotificationOutcome.GivenUp(null, answer.error())
                : policy.classify(answer.status(), answer.retryAfter(), answer.error(), n.attempts(), n.createdAt(),
                now);
        if (outcome instanceof NotificationOutcome.Retry retry) {
            pauses.failed(n.url(), now, retry.notBefore());
        } else if (answer.status() != null) {
            pauses.answered(n.url());
        }
        boolean changed = ledger.recordNotification(n, outcome);
        if (changed) {
            log(n, outcome);
        }
        observer.attempted(outcome);
        return outcome;
    }

    private static void log(Notification n, NotificationOutcome outcome) {
        String what = n.type() + " " + n.subject() + " (event " + n.eventId() + ") to " + WebhookUrl.redacted(n.url());
        if (outcome instanceof NotificationOutcome.GivenUp givenUp) {
            LOG.atWarn().addKeyValue("eventId", n.eventId()).addKeyValue("subject", n.subject())
                    .log("notification {} given up after {} attempts: {}", what, n.attempts() + 1, givenUp.error());
        } else if (outcome instanceof NotificationOutcome.Retry retry) {
            LOG.atDebug().log("notification {} not delivered: {}; next attempt at {}", what, retry.error(),
                    retry.notBefore());
        } else {
            LOG.atDebug().log("notification {} delivered", what);
        }
    }
}
