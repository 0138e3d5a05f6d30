package io.jobdrop.spec;

import com.fasterxml.jackson.annotation.JsonFilter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.jobdrop.spec.go.GoQuoting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Bacalhau job, field for field as {@code pkg/models/job.go} serialises it. Every field is always written (Go has no
 * omitempty here); {@code null} stands for Go's nil until {@link #normalize()} fills it.
 *
 * <p>The rules follow Bacalhau main (v1.8+): {@link #validateSubmission} on the raw job, then {@link #normalize},
 * {@link #sanitizeSubmission}, defaults and transformers, then {@link #validateStored} for what the job store adds.
 */
@JsonPropertyOrder({"ID", "Name", "Namespace", "Type", "Priority", "Count", "Constraints", "Meta", "Labels", "Tasks",
        "State", "Version", "Revision", "CreateTime", "ModifyTime"})
@JsonFilter(JobJson.FIELDS_FILTER)
public class Job {
    public static final String TYPE_BATCH = "batch";
    public static final String TYPE_OPS = "ops";
    public static final String TYPE_DAEMON = "daemon";
    public static final String TYPE_SERVICE = "service";
    public static final String DEFAULT_NAMESPACE = "default";
    /** Meta keys under this prefix belong to the orchestrator; a submission's own are dropped. */
    public static final String RESERVED_META_PREFIX = "bacalhau.org/";

    @JsonProperty("ID") public String id = "";
    @JsonProperty("Name") public String name = "";
    @JsonProperty("Namespace") public String namespace = "";
    @JsonProperty("Type") public String type = "";
    @JsonProperty("Priority") public long priority;
    @JsonProperty("Count") public long count;
    @JsonProperty("Constraints") public List<LabelSelectorRequirement> constraints;
    @JsonProperty("Meta") public Map<String, String> meta;
    @JsonProperty("Labels") public Map<String, String> labels;
    @JsonProperty("Tasks") public List<Task> tasks;
    @JsonProperty("State") public JobState state = new JobState();
    @JsonProperty("Version") public long version;
    @JsonProperty("Revision") public long revision;
    @JsonProperty("CreateTime") public long createTime;
    @JsonProperty("ModifyTime") public long modifyTime;

    /** Service and daemon jobs run until stopped: no timeouts, no publisher defaults, their own client ID kept. */
    public boolean runsLongTerm() {
        return TYPE_SERVICE.equals(type) || TYPE_DAEMON.equals(type);
    }

    /** Ops and daemon jobs run on every matching node, so a count means nothing for them. */
    public boolean runsOnAllNodes() {
        return TYPE_OPS.equals(type) || TYPE_DAEMON.equals(type);
    }

    /**
     * Bacalhau main's {@code Job.ValidateSubmission()} on the raw, un-normalized job: type, count, tasks, each
     * constraint, each task. Null list elements, which crash Bacalhau (HTTP 500), are reported as errors.
     */
    public void validateSubmission(Violations errors) {
        String jobType = GoText.orEmpty(type);
        switch (jobType) {
            case TYPE_BATCH, TYPE_OPS, TYPE_DAEMON, TYPE_SERVICE -> {
            }
            case "" -> errors.add("Type", "missing job type");
            default -> errors.add("Type", "invalid job type: " + GoQuoting.quote(jobType));
        }
        if (count < 0) {
            errors.add("Count", "job count must be >= 0");
        }
        if (runsOnAllNodes() && count > 1) {
            errors.add("Count", jobType + " jobs cannot specify count > 1 as they run on all matching nodes");
        }
        if (tasks == null || tasks.isEmpty()) {
            errors.add("Tasks", "missing job tasks");
        }
        if (constraints != null) {
            for (int i = 0; i < constraints.size(); i++) {
                Violations at = errors.within("Constraints[" + i + "]", "constraint " + (i + 1) + " validation failed: ");
                LabelSelectorRequirement constraint = constraints.get(i);
                if (constraint == null) {
                    at.add("", "constraint is null");
                } else {
                    constraint.validate(at);
                }
            }
        }
        forEachTask(errors, true, (task, at) -> task.validateSubmission(at));
    }

    /**
     * The checks the job store's {@code Validate()} adds to the submission checks, run after normalization and
     * defaults: ID, name and namespace, then per task the publisher and timeout budget. An empty ID, Name or Namespace
     * is judged as stamping will fill it (a generated ID, Name = ID, {@code default}).
     */
    public void validateStored(Violations errors) {
        String jobId = GoText.orEmpty(id);
        if (!jobId.isEmpty()) {
            if (GoText.isBlank(jobId)) {
                errors.add("ID", "missing job ID");
            } else if (GoText.containsSpace(jobId)) {
                errors.add("ID", "job ID contains a space");
            } else if (GoText.containsNull(jobId)) {
                errors.add("ID", "job ID contains a null character");
            }
        }
        String jobName = GoText.orEmpty(name).isEmpty() ? jobId : GoText.orEmpty(name);
        if (!jobName.isEmpty()) {
            if (GoText.isBlank(jobName)) {
                errors.add("Name", "missing job name");
            } else if (GoText.containsNull(jobName)) {
                errors.add("Name", "job Name contains a null character");
            }
        }
        if (!GoText.orEmpty(namespace).isEmpty() && GoText.isBlank(namespace)) {
            errors.add("Namespace", "job must be in a namespace");
        }
        forEachTask(errors, false, (task, at) -> task.validateStored(at));
    }

    /**
     * Bacalhau main's {@code Job.Normalize()}: nil collections become empty, Namespace defaults to {@code default},
     * an empty Name takes the ID, ops and daemon jobs get Count 0, then each task is normalized.
     */
    public void normalize() {
        if (meta == null) {
            meta = new LinkedHashMap<>();
        }
        if (labels == null) {
            labels = new LinkedHashMap<>();
        }
        if (constraints == null) {
            constraints = new ArrayList<>();
        }
        if (tasks == null) {
            tasks = new ArrayList<>();
        }
        if (GoText.orEmpty(namespace).isEmpty()) {
            namespace = DEFAULT_NAMESPACE;
        }
        if (GoText.orEmpty(name).isEmpty()) {
            name = GoText.orEmpty(id);
        }
        if (runsOnAllNodes()) {
            count = 0;
        }
        tasks.stream().filter(t -> t != null).forEach(Task::normalize);
    }

    /**
     * Bacalhau's {@code SanitizeSubmission()}: server-owned fields are cleared, each with a warning, in Bacalhau's
     * order; reserved meta keys are dropped in sorted order (Bacalhau's order is random).
     */
    public void sanitizeSubmission(Violations warnings) {
        if (state != null && state.stateType != JobStateType.UNDEFINED) {
            warnings.add("State", "job state is ignored when submitting a job");
        }
        if (state == null || state.stateType != JobStateType.UNDEFINED) {
            state = new JobState();
        }
        if (revision != 0) {
            warnings.add("Revision", "job revision is ignored when submitting a job");
            revision = 0;
        }
        if (version != 0) {
            warnings.add("Version", "job version is ignored when submitting a job");
            version = 0;
        }
        if (createTime != 0) {
            warnings.add("CreateTime", "job create time is ignored when submitting a job");
            createTime = 0;
        }
        if (modifyTime != 0) {
            warnings.add("ModifyTime", "job modify time is ignored when submitting a job");
            modifyTime = 0;
        }
        if ((TYPE_BATCH.equals(type) || TYPE_OPS.equals(type)) && !GoText.orEmpty(id).isEmpty()) {
            warnings.add("ID", "job ID is ignored when submitting a batch job");
            id = "";
        }
        if (tasks != null && tasks.size() > 1) {
            warnings.add("Tasks", "only one task is supported per job");
            tasks = new ArrayList<>(tasks.subList(0, 1));
        }
        if (meta != null) {
            for (String key : GoText.sorted(meta.keySet())) {
                if (key.startsWith(RESERVED_META_PREFIX)) {
                    warnings.add("Meta." + key, "job meta key " + GoQuoting.quote(key) + " is reserved and will be ignored");
                    meta.remove(key);
                }
            }
        }
    }

    private interface TaskCheck {
        void check(Task task, Violations at);
    }

    /** Runs a check per task under {@code Tasks[i]} and {@code task <name> validation failed: }. */
    private void forEachTask(Violations errors, boolean reportNullTasks, TaskCheck check) {
        if (tasks == null) {
            return;
        }
        for (int i = 0; i < tasks.size(); i++) {
            Task task = tasks.get(i);
            if (task == null) {
                if (reportNullTasks) {
                    // Bacalhau dereferences the element and fails with HTTP 500
                    errors.add("Tasks[" + i + "]", "task at index " + i + " is null");
                }
                continue;
            }
            check.check(task, errors.within("Tasks[" + i + "]",
                    "task " + GoText.orEmpty(task.name) + " validation failed: "));
        }
    }
}
