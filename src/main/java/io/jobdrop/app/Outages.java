package io.jobdrop.app;

import io.jobdrop.forward.OrchestratorStatus;
import io.jobdrop.intake.FileNames;
import io.jobdrop.store.LedgerException;
import io.jobdrop.store.LedgerListener;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reports a failing dependency (the ledger, the orchestrator, a route's disk or store) without flooding the log: one
 * WARN line when its outage starts, with the cause, and one INFO line when it ends, with how long it lasted and how
 * many operations failed meanwhile. No stack traces: the work itself is retried (the file stays in the inbox, the
 * outbox row stays due, a recorded answer is written again).
 */
public final class Outages implements LedgerListener, OrchestratorStatus {

    /** The dependency name the ledger's outages go by. */
    public static final String LEDGER = "ledger";
    public static final String ORCHESTRATOR = "orchestrator";

    private static final Logger LOG = LoggerFactory.getLogger("jobdrop.outage");

    private record Outage(long sinceNanos, AtomicLong failures, String cause) {
    }

    private final Map<String, Outage> open = new ConcurrentHashMap<>();

    /** A failure of {@code dependency}: the first one of an outage is logged. */
    public void failing(String dependency, String cause) {
        boolean[] started = {false};
        Outage outage = open.computeIfAbsent(dependency, d -> {
            started[0] = true;
            return new Outage(System.nanoTime(), new AtomicLong(), cause);
        });
        outage.failures().incrementAndGet();
        if (started[0]) {
            // the cause may quote a file name, which may hold control characters that would forge log lines
            LOG.warn("{} outage: {} - work stays queued and is retried", dependency, FileNames.forLog(cause));
        }
    }

    /** {@code dependency} worked: an outage of it, if there was one, is over. */
    public void recovered(String dependency) {
        Outage outage = open.remove(dependency);
        if (outage != null) {
            long failures = outage.failures().get();
            LOG.info("{} outage over after {} ({} failed {})", dependency,
                    human(Duration.ofNanos(System.nanoTime() - outage.sinceNanos())), failures,
                    failures == 1 ? "operation" : "operations");
        }
    }

    public boolean isOpen(String dependency) {
        return open.containsKey(dependency);
    }

    /** What started the current outage of {@code dependency}, if it has one. */
    public Optional<String> cause(String dependency) {
        return Optional.ofNullable(open.get(dependency)).map(Outage::cause);
    }

    /**
     * From the error policy: a route's exchange failed. A ledger failure belongs to the ledger's outage; anything
     * else to the route's ("route inbox-intake"), which ends when an exchange of that route completes cleanly.
     */
    public void report(Exchange exchange) {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (cause == null) {
            cause = exchange.getException();
        }
        failing(dependencyOf(exchange.getFromRouteId(), cause), describe(cause));
    }

    static String dependencyOf(String routeId, Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof LedgerException || t instanceof SQLException) {
                return LEDGER;
            }
        }
        return routeOutage(routeId);
    }

    static String routeOutage(String routeId) {
        return "route " + routeId;
    }

    @Override
    public void unavailable(Throwable cause) {
        failing(LEDGER, describe(cause));
    }

    @Override
    public void committed() {
        recovered(LEDGER);
    }

    @Override
    public void unreachable(String reason) {
        failing(ORCHESTRATOR, reason);
    }

    @Override
    public void answered() {
        recovered(ORCHESTRATOR);
    }

    public static String describe(Throwable t) {
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
        if (t.getMessage() == null) {
            return t.getClass().getSimpleName();
        }
        // one line: database messages carry the SQL statement on lines of their own
        String message = t.getMessage().strip().replaceAll("\\s*\\R\\s*", " ");
        return t.getClass().getSimpleName() + ": " + (message.length() <= 200 ? message : message.substring(0, 200) + "…");
    }

    static String human(Duration d) {
        long seconds = d.toSeconds();
        if (seconds < 10) {
            return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
        }
        return seconds < 120 ? seconds + " s" : seconds / 60 + " min " + seconds % 60 + " s";
    }
}
