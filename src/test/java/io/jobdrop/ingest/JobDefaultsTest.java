package io.jobdrop.ingest;

import io.jobdrop.spec.Fixtures;
import io.jobdrop.spec.Job;
import io.jobdrop.spec.ResourcesConfig;
import io.jobdrop.spec.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static io.jobdrop.spec.Fixtures.job;
import static io.jobdrop.spec.Fixtures.onlyTask;
import static org.assertj.core.api.Assertions.assertThat;

/** The orchestrator's defaults per job type (spec §12.3, §14). */
class JobDefaultsTest {

    private static final JobDefaults OPERATOR = new JobDefaults(7, "1", "1Gi", "10 GB", "0",
            Fixtures.spec("local"), Duration.ofMinutes(5), Duration.ofMinutes(30).plusMillis(900));

    private static Job normalized(String type) {
        Job job = job(type);
        job.normalize();
        return job;
    }

    @ParameterizedTest
    @ValueSource(strings = {"batch", "ops", "service", "daemon"})
    void gives_every_job_type_bacalhau_cpu_and_memory(String type) {
        Job job = normalized(type);
        JobDefaults.BACALHAU.apply(job);
        ResourcesConfig r = onlyTask(job).resources;
        assertThat(r.cpu).isEqualTo("500m");
        assertThat(r.memory).isEqualTo("512mb");
        assertThat(r.disk).isEmpty();
        assertThat(r.gpu).isEmpty();
        assertThat(job.priority).isZero();
        assertThat(onlyTask(job).publisher.isEmpty()).isTrue();
        assertThat(onlyTask(job).timeouts.executionTimeout).isZero();
        assertThat(onlyTask(job).timeouts.totalTimeout).isZero();
    }

    @Test
    void keeps_resources_the_job_set() {
        Job job = job("batch");
        onlyTask(job).resources = Fixtures.resources("250M", "", "1Gb", "1");
        job.normalize();
        JobDefaults.BACALHAU.apply(job);
        ResourcesConfig r = onlyTask(job).resources;
        assertThat(r.cpu).isEqualTo("250m");
        assertThat(r.memory).isEqualTo("512mb");
        assertThat(r.disk).isEqualTo("1gb");
        assertThat(r.gpu).isEqualTo("1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"batch", "ops"})
    void gives_batch_and_ops_jobs_every_operator_default(String type) {
        Job job = normalized(type);
        OPERATOR.apply(job);
        Task task = onlyTask(job);
        assertThat(job.priority).isEqualTo(7);
        assertThat(task.resources.cpu).isEqualTo("1");
        assertThat(task.resources.memory).isEqualTo("1gi");
        assertThat(task.resources.disk).isEqualTo("10gb");
        assertThat(task.resources.gpu).isEqualTo("0");
        assertThat(task.publisher.type).isEqualTo("local");
        assertThat(task.timeouts.executionTimeout).isEqualTo(300);
        assertThat(task.timeouts.totalTimeout).isEqualTo(1800);
    }

    @ParameterizedTest
    @ValueSource(strings = {"service", "daemon"})
    void gives_long_running_jobs_only_priority_and_resources(String type) {
        Job job = normalized(type);
        OPERATOR.apply(job);
        Task task = onlyTask(job);
        assertThat(job.priority).isEqualTo(7);
        assertThat(task.resources.cpu).isEqualTo("1");
        assertThat(task.publisher.isEmpty()).isTrue();
        assertThat(task.timeouts.executionTimeout).isZero();
        assertThat(task.timeouts.totalTimeout).isZero();
    }

    @Test
    void keeps_priority_publisher_and_timeouts_the_job_set() {
        Job job = job("batch");
        job.priority = -1;
        onlyTask(job).publisher = Fixtures.spec("ipfs");
        onlyTask(job).timeouts = Fixtures.timeouts(60, 0, 120);
        job.normalize();
        OPERATOR.apply(job);
        assertThat(job.priority).isEqualTo(-1);
        assertThat(onlyTask(job).publisher.type).isEqualTo("ipfs");
        assertThat(onlyTask(job).timeouts.executionTimeout).isEqualTo(60);
        assertThat(onlyTask(job).timeouts.totalTimeout).isEqualTo(120);
    }

    @Test
    void skips_the_execution_default_when_a_total_timeout_bounds_executions() {
        Job job = job("batch");
        onlyTask(job).timeouts = Fixtures.timeouts(0, 0, 600);
        job.normalize();
        OPERATOR.apply(job);
        assertThat(onlyTask(job).timeouts.executionTimeout).isZero();
        assertThat(onlyTask(job).timeouts.totalTimeout).isEqualTo(600);
    }

    @Test
    void gives_each_task_its_own_publisher_copy() {
        Job job = normalized("batch");
        OPERATOR.apply(job);
        onlyTask(job).publisher.params.put("changed", true);
        Job other = normalized("batch");
        OPERATOR.apply(other);
        assertThat(onlyTask(other).publisher.params).isEmpty();
    }

    @Test
    void leaves_jobs_of_unknown_type_alone() {
        Job job = normalized("Batch");
        JobDefaults.BACALHAU.apply(job);
        assertThat(onlyTask(job).resources.cpu).isEmpty();
        Job untyped = normalized(null);
        JobDefaults.BACALHAU.apply(untyped);
        assertThat(onlyTask(untyped).resources.cpu).isEmpty();
    }

    @Test
    void fills_parts_a_job_has_not_been_normalized_to_have() {
        Job job = job("batch");
        OPERATOR.apply(job);
        assertThat(onlyTask(job).resources.cpu).isEqualTo("1");
        assertThat(onlyTask(job).timeouts.totalTimeout).isEqualTo(1800);
    }
}
