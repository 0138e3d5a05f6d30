package io.jobdrop.ingest;

import io.jobdrop.spec.GoText;
import io.jobdrop.spec.Job;
import io.jobdrop.spec.ResourcesConfig;
import io.jobdrop.spec.SpecConfig;
import io.jobdrop.spec.Task;
import io.jobdrop.spec.TimeoutConfig;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The orchestrator's job defaults ({@code DefaultsApplier}, configuration {@code JobDefaults}). Every job type gets
 * the priority and resource defaults; only batch and ops jobs get the publisher and timeout defaults, because service
 * and daemon jobs run until stopped. A default only fills a value that is unset (0 or empty).
 */
public final class JobDefaults {

    /** Bacalhau's shipped configuration: 500m CPU and 512Mb memory, nothing else. */
    public static final JobDefaults BACALHAU = new JobDefaults(0, "500m", "512Mb", "", "", null, Duration.ZERO,
            Duration.ZERO);

    private static final List<String> KNOWN_TYPES =
            List.of(Job.TYPE_BATCH, Job.TYPE_OPS, Job.TYPE_SERVICE, Job.TYPE_DAEMON);

    private final long priority;
    private final String cpu;
    private final String memory;
    private final String disk;
    private final String gpu;
    private final SpecConfig publisher;
    private final long executionTimeoutSeconds;
    private final long totalTimeoutSeconds;

    /**
     * @param publisher        the default publisher, or null for none
     * @param executionTimeout {@link Duration#ZERO} for none; stored in whole seconds, truncated like Go
     * @param totalTimeout     {@link Duration#ZERO} for none
     */
    public JobDefaults(long priority, String cpu, String memory, String disk, String gpu, SpecConfig publisher,
                       Duration executionTimeout, Duration totalTimeout) {
        this.priority = priority;
        // kept as the job store's second Normalize() leaves them: "512Mb" is stored as "512mb"
        this.cpu = ResourcesConfig.normalizeQuantity(Objects.requireNonNull(cpu));
        this.memory = ResourcesConfig.normalizeQuantity(Objects.requireNonNull(memory));
        this.disk = ResourcesConfig.normalizeQuantity(Objects.requireNonNull(disk));
        this.gpu = ResourcesConfig.normalizeQuantity(Objects.requireNonNull(gpu));
        this.publisher = publisher == null ? null : publisher.copy();
        if (this.publisher != null) {
            this.publisher.normalize();
        }
        this.executionTimeoutSeconds = wholeSeconds(executionTimeout);
        this.totalTimeoutSeconds = wholeSeconds(totalTimeout);
    }

    /** Fills the unset values of a normalized job of a known type; other jobs are left alone. */
    public void apply(Job job) {
        if (!KNOWN_TYPES.contains(GoText.orEmpty(job.type))) {
            return;
        }
        if (job.priority == 0) {
            job.priority = priority;
        }
        if (job.tasks == null) {
            return;
        }
        for (Task task : job.tasks) {
            if (task != null) {
                applyResources(task);
                if (!job.runsLongTerm()) {
                    applyPublisher(task);
                    applyTimeouts(task);
                }
            }
        }
    }

    private void applyResources(Task task) {
        if (task.resources == null) {
            task.resources = new ResourcesConfig();
        }
        ResourcesConfig r = task.resources;
        r.cpu = GoText.orEmpty(r.cpu).isEmpty() ? cpu : r.cpu;
        r.memory = GoText.orEmpty(r.memory).isEmpty() ? memory : r.memory;
        r.disk = GoText.orEmpty(r.disk).isEmpty() ? disk : r.disk;
        r.gpu = GoText.orEmpty(r.gpu).isEmpty() ? gpu : r.gpu;
    }

    private void applyPublisher(Task task) {
        if ((task.publisher == null || task.publisher.isEmpty()) && publisher != null && !publisher.isEmpty()) {
            task.publisher = publisher.copy();
        }
    }

    /** The execution default is skipped when a total timeout already bounds executions (Bacalhau reads the getter). */
    private void applyTimeouts(Task task) {
        if (task.timeouts == null) {
            task.timeouts = new TimeoutConfig();
        }
        TimeoutConfig t = task.timeouts;
        if (t.effectiveExecutionTimeout() <= 0) {
            t.executionTimeout = executionTimeoutSeconds;
        }
        if (t.totalTimeout <= 0) {
            t.totalTimeout = totalTimeoutSeconds;
        }
    }

    /** Go's {@code int64(d.Seconds())}: truncated toward zero. */
    private static long wholeSeconds(Duration d) {
        long seconds = d.getSeconds();
        return seconds < 0 && d.getNano() > 0 ? seconds + 1 : seconds;
    }
}
