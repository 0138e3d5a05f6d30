package io.jobdrop.spec;

import io.jobdrop.ingest.JobDefaults;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.Arrays;

import static io.jobdrop.spec.Fixtures.job;
import static org.assertj.core.api.Assertions.assertThat;

/** Job.Normalize on main (spec §5; Bacalhau's job_test.go). */
class NormalizeTest {

    @ParameterizedTest
    @CsvSource({"batch, 0, 0", "batch, 2, 2", "service, 0, 0", "service, 3, 3", "ops, 0, 0", "ops, 4, 0",
            "daemon, 0, 0", "daemon, 5, 0", "daemon, 1, 0"})
    void forces_count_zero_only_for_jobs_on_all_nodes(String type, long count, long expected) {
        Job job = job(type);
        job.count = count;
        job.normalize();
        assertThat(job.count).isEqualTo(expected);
    }

    @Test
    void fills_namespace_name_and_empty_collections() {
        Job job = new Job();
        job.id = "test-job";
        job.normalize();
        assertThat(job.namespace).isEqualTo("default");
        assertThat(job.name).isEqualTo("test-job");
        assertThat(job.meta).isNotNull().isEmpty();
        assertThat(job.labels).isNotNull().isEmpty();
        assertThat(job.constraints).isNotNull().isEmpty();
        assertThat(job.tasks).isNotNull().isEmpty();
    }

    @Test
    void keeps_given_name_and_namespace_untrimmed() {
        Job job = job("batch");
        job.name = " n ";
        job.namespace = " ns ";
        job.normalize();
        assertThat(job.name).isEqualTo(" n ");
        assertThat(job.namespace).isEqualTo(" ns ");
    }

    @Test
    void skips_null_tasks() {
        Job job = job("batch");
        job.tasks = new ArrayList<>(Arrays.asList(null, Fixtures.task("a")));
        job.normalize();
        assertThat(job.tasks.get(1).network).isNotNull();
    }

    @Test
    void stores_the_minimal_job_like_bacalhau_after_defaults() {
        Job job = new Job();
        job.type = "batch";
        job.count = 1;
        Task task = new Task();
        task.name = "main";
        task.engine = Fixtures.spec("docker", "Image", "busybox");
        job.tasks = new ArrayList<>(Arrays.asList(task));

        job.normalize();
        JobDefaults.BACALHAU.apply(job);

        assertThat(JobJson.write(job)).isEqualTo("{\"ID\":\"\",\"Name\":\"\",\"Namespace\":\"default\",\"Type\":\"batch\","
                + "\"Priority\":0,\"Count\":1,\"Constraints\":[],\"Meta\":{},\"Labels\":{},\"Tasks\":[{\"Name\":\"main\","
                + "\"Engine\":{\"Type\":\"docker\",\"Params\":{\"Image\":\"busybox\"}},\"Publisher\":{\"Type\":\"\"},"
                + "\"Resources\":{\"CPU\":\"500m\",\"Memory\":\"512mb\"},\"Network\":{\"Type\":\"Default\"},"
                + "\"Timeouts\":{}}],\"State\":{\"StateType\":\"Undefined\"},\"Version\":0,\"Revision\":0,"
                + "\"CreateTime\":0,\"ModifyTime\":0}");
    }

    @Test
    void survives_a_json_round_trip_after_normalizing() {
        Job job = job("batch");
        Fixtures.onlyTask(job).publisher = Fixtures.spec("s3", "Bucket", "b");
        job.normalize();
        String json = JobJson.write(job);
        assertThat(JobJson.write(JobJson.read(json))).isEqualTo(json);
    }

    @Test
    void is_idempotent() {
        Job job = job("daemon");
        job.id = "x";
        Fixtures.onlyTask(job).resources = Fixtures.resources(" 1 GB ", "", "", "");
        job.normalize();
        String once = JobJson.write(job);
        job.normalize();
        assertThat(JobJson.write(job)).isEqualTo(once);
    }
}
