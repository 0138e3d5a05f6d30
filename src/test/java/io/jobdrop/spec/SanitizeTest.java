package io.jobdrop.spec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static io.jobdrop.spec.Fixtures.entry;
import static io.jobdrop.spec.Fixtures.job;
import static io.jobdrop.spec.Fixtures.task;
import static org.assertj.core.api.Assertions.assertThat;

/** Server-owned fields stripped from a submission, each with a warning (spec §6.4). */
class SanitizeTest {

    private static List<Violations.Entry> warningsOf(Job job) {
        Violations warnings = Violations.collector();
        job.sanitizeSubmission(warnings);
        return warnings.entries();
    }

    @Test
    void warns_about_every_server_field_in_bacalhau_order_and_resets_them() {
        Job job = job("batch");
        job.state.stateType = JobStateType.RUNNING;
        job.state.message = "old";
        job.version = 3;
        job.revision = 4;
        job.createTime = 5;
        job.modifyTime = 6;
        assertThat(warningsOf(job)).containsExactly(
                entry("State", "job state is ignored when submitting a job"),
                entry("Revision", "job revision is ignored when submitting a job"),
                entry("Version", "job version is ignored when submitting a job"),
                entry("CreateTime", "job create time is ignored when submitting a job"),
                entry("ModifyTime", "job modify time is ignored when submitting a job"));
        assertThat(job.state.stateType).isEqualTo(JobStateType.UNDEFINED);
        assertThat(job.state.message).isEmpty();
        assertThat(List.of(job.version, job.revision, job.createTime, job.modifyTime)).containsOnly(0L);
    }

    @Test
    void gives_no_warning_for_a_clean_submission() {
        assertThat(warningsOf(job("batch"))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"batch", "ops"})
    void drops_client_id_of_batch_and_ops_jobs(String type) {
        Job job = job(type);
        job.id = "my-id";
        assertThat(warningsOf(job)).containsExactly(entry("ID", "job ID is ignored when submitting a batch job"));
        assertThat(job.id).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"service", "daemon"})
    void keeps_client_id_of_long_running_jobs(String type) {
        Job job = job(type);
        job.id = "my-id";
        assertThat(warningsOf(job)).isEmpty();
        assertThat(job.id).isEqualTo("my-id");
    }

    @Test
    void keeps_only_the_first_task() {
        Job job = job("batch");
        job.tasks.add(task("second"));
        assertThat(warningsOf(job)).containsExactly(entry("Tasks", "only one task is supported per job"));
        assertThat(job.tasks).extracting(t -> t.name).containsExactly("main");
    }

    @Test
    void drops_reserved_meta_keys_in_sorted_order() {
        Job job = job("batch");
        job.meta = Fixtures.strings("keep", "me", "bacalhau.org/requester.id", "foo", "bacalhau.org/a", "x",
                "Bacalhau.org/case", "kept");
        assertThat(warningsOf(job)).containsExactly(
                entry("Meta.bacalhau.org/a", "job meta key \"bacalhau.org/a\" is reserved and will be ignored"),
                entry("Meta.bacalhau.org/requester.id",
                        "job meta key \"bacalhau.org/requester.id\" is reserved and will be ignored"));
        assertThat(job.meta).containsOnlyKeys("keep", "Bacalhau.org/case");
    }

    @Test
    void warns_in_order_state_then_id_then_tasks_then_meta() {
        Job job = job("ops");
        job.state.stateType = JobStateType.PENDING;
        job.id = "x";
        job.tasks = new ArrayList<>(List.of(task("a"), task("b")));
        job.meta = Fixtures.strings("bacalhau.org/x", "y");
        assertThat(Fixtures.messages(warningsOf(job))).containsExactly(
                "job state is ignored when submitting a job",
                "job ID is ignored when submitting a batch job",
                "only one task is supported per job",
                "job meta key \"bacalhau.org/x\" is reserved and will be ignored");
    }
}
