package io.jobdrop.spec;

import io.jobdrop.ingest.JobDefaults;
import io.jobdrop.ingest.Stamper;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.jobdrop.spec.Fixtures.entry;
import static io.jobdrop.spec.Fixtures.job;
import static io.jobdrop.spec.Fixtures.onlyTask;
import static io.jobdrop.spec.Fixtures.storedErrors;
import static org.assertj.core.api.Assertions.assertThat;

/** What the job store's Validate() adds after normalization and defaults (spec §6.5). */
class StoredRulesTest {

    private static Job stored(Job job) {
        job.normalize();
        JobDefaults.BACALHAU.apply(job);
        return job;
    }

    @Test
    void accepts_a_normal_job_before_and_after_stamping() {
        Job job = stored(job("batch"));
        assertThat(storedErrors(job)).isEmpty();
        new Stamper(java.time.Clock.systemUTC(), java.util.UUID::randomUUID).stampNew(job);
        assertThat(storedErrors(job)).isEmpty();
    }

    @Test
    void rejects_client_id_with_a_space() {
        Job job = job("service");
        job.id = "my id";
        assertThat(storedErrors(stored(job))).containsExactly(entry("ID", "job ID contains a space"));
    }

    @Test
    void rejects_client_id_with_other_whitespace_or_null() {
        Job tab = job("service");
        tab.id = "my\u2003id";
        Job nul = job("daemon");
        nul.id = "my\u0000id";
        nul.name = "named";
        assertThat(storedErrors(stored(tab))).containsExactly(entry("ID", "job ID contains a space"));
        assertThat(storedErrors(stored(nul))).containsExactly(entry("ID", "job ID contains a null character"));
    }

    @Test
    void rejects_blank_id_name_and_namespace_as_bacalhau_test_does() {
        Job job = job("service");
        job.id = "  ";
        job.name = " ";
        job.namespace = "\t";
        assertThat(storedErrors(stored(job))).containsExactly(
                entry("ID", "missing job ID"),
                entry("Name", "missing job name"),
                entry("Namespace", "job must be in a namespace"));
    }

    @Test
    void rejects_name_with_null_character() {
        Job job = job("batch");
        job.name = "a\u0000b";
        assertThat(storedErrors(stored(job))).containsExactly(entry("Name", "job Name contains a null character"));
    }

    @Test
    void does_not_repeat_submission_errors() {
        Job job = job("Batch");
        job.count = -1;
        onlyTask(job).name = "";
        onlyTask(job).env = Fixtures.strings("lower", "x");
        job.tasks.add(null);
        assertThat(Fixtures.submissionErrors(job)).hasSize(5);
        job.normalize();
        assertThat(storedErrors(job)).isEmpty();
    }

    @Test
    void accepts_result_paths_when_an_operator_configured_a_default_publisher() {
        Job job = job("batch");
        onlyTask(job).resultPaths = new ArrayList<>(List.of(Fixtures.result("out", "/out")));
        job.normalize();
        new JobDefaults(0, "500m", "512Mb", "", "", Fixtures.spec("local"), java.time.Duration.ZERO,
                java.time.Duration.ZERO).apply(job);
        assertThat(storedErrors(job)).isEmpty();
    }

    @Test
    void reports_store_errors_per_task_with_the_task_prefix() {
        Job job = job("batch");
        onlyTask(job).name = "a";
        onlyTask(job).resultPaths = new ArrayList<>(List.of(Fixtures.result("out", "/out")));
        onlyTask(job).timeouts = Fixtures.timeouts(100, 20, 110);
        assertThat(storedErrors(stored(job))).containsExactly(
                entry("Tasks[0].Publisher", "task a validation failed: publisher must be set if result paths are set"),
                entry("Tasks[0].Timeouts", "task a validation failed: task timeouts validation failed: execution "
                        + "timeout 1m40s and queue timeout 20s should be less than total timeout 1m50s"));
    }
}
