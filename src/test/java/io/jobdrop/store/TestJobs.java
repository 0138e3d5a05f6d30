package io.jobdrop.store;

import io.jobdrop.ingest.AcceptedJob;
import io.jobdrop.ingest.FileVerdict;
import io.jobdrop.spec.Job;
import io.jobdrop.spec.JobJson;
import io.jobdrop.spec.JobStateType;
import io.jobdrop.spec.SpecConfig;
import io.jobdrop.spec.Task;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** Accepted jobs and verdicts built by hand, stamped the way ingest stamps a new job. */
final class TestJobs {

    private TestJobs() {
    }

    static AcceptedJob stamped(String namespace, String name, String image, Instant now) {
        Job job = new Job();
        job.id = "j-" + UUID.randomUUID();
        job.name = name;
        job.namespace = namespace;
        job.type = "batch";
        job.count = 1;
        job.constraints = new ArrayList<>();
        job.meta = new TreeMap<>();
        job.labels = new TreeMap<>();
        Task task = new Task();
        task.name = "main";
        task.engine = new SpecConfig();
        task.engine.type = "docker";
        task.engine.params = new TreeMap<>(Map.of("Image", image));
        task.publisher = new SpecConfig();
        job.tasks = List.of(task);
        job.state.stateType = JobStateType.PENDING;
        job.version = 1;
        job.revision = 1;
        job.createTime = DbTime.unixNanos(now);
        job.modifyTime = job.createTime;
        return new AcceptedJob(job, JobJson.writeSpec(job), List.of());
    }

    static FileVerdict accepted(AcceptedJob... jobs) {
        return new FileVerdict("jobs.yaml", List.of(), List.of(), List.of(jobs));
    }
}
