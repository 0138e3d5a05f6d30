package io.jobdrop.app;

import io.jobdrop.intake.FileNames;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reports a failing dependency (ledger, disk, bucket) without flooding the log: per route, the first failure is logged
 * at once, then at most one line per interval with how many failures it stands for. The work itself is retried by the
 * routes (the file stays in the inbox, the outbox row stays due).
 */
public final class Outages {

    private static final Logger LOG = LoggerFactory.getLogger("jobdrop.outage");

    /** When a route's outage was last logged, and how many failures were not logged since. */
    private record Throttle(AtomicLong lastLogged, AtomicLong suppressed) {
    }

    private final long intervalMs;
    private final Map<String, Throttle> throttles = new ConcurrentHashMap<>();

    public Outages(long intervalMs) {
        this.intervalMs = intervalMs;
    }

    public void report(Exchange exchange) {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (cause == null) {
            cause = exchange.getException();
        }
        Throttle throttle = throttles.computeIfAbsent(String.valueOf(exchange.getFromRouteId()),
                route -> new Throttle(new AtomicLong(Long.MIN_VALUE / 2), new AtomicLong()));
        long now = System.currentTimeMillis();
        long last = throttle.lastLogged().get();
        if (now - last >= intervalMs && throttle.lastLogged().compareAndSet(last, now)) {
            long hidden = throttle.suppressed().getAndSet(0);
            String file = exchange.getMessage().getHeader(Exchange.FILE_NAME, String.class);
            LOG.error("route {} failed{}: {}{} - the work stays queued and is retried", exchange.getFromRouteId(),
                    file == null ? "" : " on " + FileNames.forLog(file), describe(cause),
                    hidden > 0 ? " (" + hidden + " similar failures not shown)" : "");
        } else {
            throttle.suppressed().incrementAndGet();
        }
    }

    static String describe(Throwable t) {
        if (t == null) {
            return "unknown failure";
        }
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = named(t);
        return root == t ? text : text + " (caused by " + named(root) + ")";
    }

    /** {@code ConnectException: refused}, or just {@code ConnectException} when there is no message. */
    private static String named(Throwable t) {
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
