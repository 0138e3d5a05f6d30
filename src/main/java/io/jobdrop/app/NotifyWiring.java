package io.jobdrop.app;

import io.jobdrop.forward.Backoff;
import io.jobdrop.notify.NotificationDelivery;
import io.jobdrop.notify.NotificationMetrics;
import io.jobdrop.notify.NotifyObserver;
import io.jobdrop.notify.WebhookPolicy;
import io.jobdrop.notify.WebhookSender;
import io.jobdrop.store.JobLedger;
import io.jobdrop.store.NotifyTargets;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.CamelContext;

import java.time.Clock;
import java.time.Duration;

/**
 * The webhook notifications' beans, from the jobdrop.notify.* settings: the targets the ledger writes notification
 * rows for, and the delivery bean, pool and metrics of routes/notify.camel.yaml. With no URL the targets are empty,
 * the ledger writes nothing for them and the delivery bean never asks the ledger.
 */
final class NotifyWiring {

    /** Retry-After may ask for at most this long, as for forwarding. */
    private static final Duration MAX_RETRY_AFTER = Duration.ofHours(1);
    /** Room in a lease beyond its batch's sending time: the claim and the records of the attempts. */
    static final Duration LEASE_MARGIN = Duration.ofSeconds(1);

    private NotifyWiring() {
    }

    static NotifyTargets targets(Settings props) {
        return new NotifyTargets(props.urls("jobdrop.notify.url"));
    }

    static void bind(CamelContext context, Object owner, Settings props, NotifyTargets targets, JobLedger ledger,
                     Clock clock) {
        Duration timeout = props.duration("jobdrop.notify.timeout");
        Duration lease = props.duration("jobdrop.notify.lease");
        int batch = props.integer("jobdrop.notify.batch", 1);
        int concurrency = props.integer("jobdrop.notify.concurrency", 1);
        checkLease(lease, timeout, batch, concurrency);
        WebhookPolicy policy = new WebhookPolicy(props.integer("jobdrop.notify.max-attempts", 1),
                props.duration("jobdrop.notify.max-age"),
                new Backoff(props.duration("jobdrop.notify.backoff-initial"),
                        props.duration("jobdrop.notify.backoff-max")),
                MAX_RETRY_AFTER);
        NotifyObserver observer = NotifyObserver.NONE;
        MeterRegistry registry = context.getRegistry().lookupByNameAndType("metricsRegistry", MeterRegistry.class);
        if (!targets.off() && registry != null) {
            observer = new NotificationMetrics(registry, ledger::notificationCounts, clock, Duration.ofSeconds(1));
        }
        context.getRegistry().bind("notificationDelivery", new NotificationDelivery(ledger, targets,
                new WebhookSender(props.secret("jobdrop.notify.token"), timeout), policy,
                batch, lease, props.duration("jobdrop.notify.retention"), clock, observer));
        context.getRegistry().bind("notifyPool", context.getExecutorServiceManager()
                .newFixedThreadPool(owner, "notify", concurrency));
    }

    /**
     * A claimed batch is sent by {@code concurrency} threads, each POST taking up to the timeout, so its last
     * notification may be sent {@code timeout × ceil(batch / concurrency)} after the claim. A lease shorter than that
     * (and a margin) runs out while the batch is still being sent, and another instance claims and sends the same
     * notifications again.
     */
    static void checkLease(Duration lease, Duration timeout, int batch, int concurrency) {
        long rounds = (batch + concurrency - 1) / concurrency;
        Duration needed = timeout.multipliedBy(rounds).plus(LEASE_MARGIN);
        if (lease.compareTo(needed) < 0) {
            throw new SettingException("jobdrop.notify.lease", "jobdrop.notify.lease: " + lease + " is shorter than"
                    + " jobdrop.notify.timeout " + timeout + " × ceil(jobdrop.notify.batch " + batch
                    + " / jobdrop.notify.concurrency " + concurrency + ") + " + LEASE_MARGIN + " = " + needed
                    + ": a batch still being sent would be claimed again and sent twice; raise the lease, or lower"
                    + " the timeout or the batch, or raise the concurrency");
        }
    }
}
