package io.jobdrop.app;

import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A health check whose probe (a database round trip, an HTTP call) runs off the health request's thread, so
 * {@code /observe/health} answers within 2 s whatever the dependencies do: each call waits at most
 * {@link #WAIT} for the probe, otherwise answers with the probe's last result; a probe that has not answered for
 * {@link #STALE} makes the check DOWN. One probe per check runs at a time, so a hanging dependency does not pile them up.
 */
abstract class BoundedHealthCheck extends AbstractHealthCheck {

    static final Duration WAIT = Duration.ofMillis(300);
    static final Duration STALE = Duration.ofMillis(1500);

    private static final ExecutorService PROBES = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "jobdrop-health-probe");
        thread.setDaemon(true);
        return thread;
    });

    /** What one probe found. */
    record Finding(HealthCheck.State state, String message, Map<String, Object> details) {

        static Finding up() {
            return new Finding(HealthCheck.State.UP, null, Map.of());
        }

        static Finding down(String message) {
            return new Finding(HealthCheck.State.DOWN, message, Map.of());
        }

        Finding with(String key, Object value) {
            Map<String, Object> more = new LinkedHashMap<>(details);
            more.put(key, value);
            return new Finding(state, message, more);
        }
    }

    private CompletableFuture<Finding> running;
    private long runningSinceNanos;
    private Finding last;

    BoundedHealthCheck(String id) {
        super("jobdrop", id);
    }

    /** The dependency's state now; may block (the caller bounds the wait). */
    protected abstract Finding probe();

    @Override
    protected final void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        Finding finding = current();
        finding.details().forEach(builder::detail);
        if (finding.message() != null) {
            builder.message(finding.message());
        }
        builder.state(finding.state());
    }

    private synchronized Finding current() {
        if (running == null || running.isDone()) {
            running = CompletableFuture.supplyAsync(this::safeProbe, PROBES);
            runningSinceNanos = System.nanoTime();
        }
        try {
            last = running.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            return last;
        } catch (TimeoutException slow) {
            Duration waited = Duration.ofNanos(System.nanoTime() - runningSinceNanos);
            if (waited.compareTo(STALE) < 0 && last != null) {
                return last;
            }
            String previous = last != null && last.state() == HealthCheck.State.DOWN ? " (last answer: "
                    + last.message() + ")" : "";
            return Finding.down(getId() + " check has not answered for " + waited.toMillis() + " ms" + previous);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Finding.down("interrupted");
        } catch (ExecutionException e) {
            return Finding.down(getId() + " check failed: " + Outages.describe(e.getCause()));
        }
    }

    private Finding safeProbe() {
        try {
            return probe();
        } catch (RuntimeException e) {
            return Finding.down(getId() + " check failed: " + Outages.describe(e));
        }
    }
}
