package io.jobdrop.spec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Arrays;

import static io.jobdrop.spec.Fixtures.constraint;
import static io.jobdrop.spec.Fixtures.entry;
import static io.jobdrop.spec.Fixtures.job;
import static io.jobdrop.spec.Fixtures.onlyTask;
import static io.jobdrop.spec.Fixtures.spec;
import static io.jobdrop.spec.Fixtures.submissionErrors;
import static io.jobdrop.spec.Fixtures.task;
import static org.assertj.core.api.Assertions.assertThat;

/** Job-level submission rules (spec §6.2, §14, §19.3). */
class JobRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"batch", "ops", "daemon", "service"})
    void accepts_each_job_type(String type) {
        assertThat(submissionErrors(job(type))).isEmpty();
    }

    @Test
    void rejects_job_without_type() {
        assertThat(submissionErrors(job(""))).containsExactly(entry("Type", "missing job type"));
    }

    @Test
    void rejects_job_type_in_another_case_quoting_it() {
        assertThat(submissionErrors(job("Batch"))).containsExactly(entry("Type", "invalid job type: \"Batch\""));
    }

    @Test
    void quotes_job_type_the_go_way() {
        assertThat(submissionErrors(job("a\"b\\c\td\u0000\u00a0é")))
                .containsExactly(entry("Type", "invalid job type: \"a\\\"b\\\\c\\td\\x00\\u00a0é\""));
    }

    @Test
    void rejects_negative_count() {
        Job job = job("batch");
        job.count = -1;
        assertThat(submissionErrors(job)).containsExactly(entry("Count", "job count must be >= 0"));
    }

    @Test
    void accepts_batch_job_with_count_zero() {
        Job job = job("batch");
        job.count = 0;
        assertThat(submissionErrors(job)).isEmpty();
    }

    @Test
    void accepts_service_job_with_count_above_one() {
        Job job = job("service");
        job.count = 3;
        assertThat(submissionErrors(job)).isEmpty();
    }

    @Test
    void rejects_ops_job_with_count_above_one() {
        Job job = job("ops");
        job.count = 2;
        assertThat(submissionErrors(job)).containsExactly(
                entry("Count", "ops jobs cannot specify count > 1 as they run on all matching nodes"));
    }

    @Test
    void rejects_daemon_job_with_count_above_one() {
        Job job = job("daemon");
        job.count = 2;
        assertThat(submissionErrors(job)).containsExactly(
                entry("Count", "daemon jobs cannot specify count > 1 as they run on all matching nodes"));
    }

    @Test
    void accepts_daemon_job_with_count_one_and_stores_count_zero() {
        Job job = job("daemon");
        job.count = 1;
        assertThat(submissionErrors(job)).isEmpty();
        job.normalize();
        assertThat(job.count).isZero();
    }

    @Test
    void rejects_job_without_tasks_whether_missing_or_empty() {
        Job missing = job("batch");
        missing.tasks = null;
        Job empty = job("batch");
        empty.tasks = new ArrayList<>();
        assertThat(submissionErrors(missing)).containsExactly(entry("Tasks", "missing job tasks"));
        assertThat(submissionErrors(empty)).containsExactly(entry("Tasks", "missing job tasks"));
    }

    @Test
    void reports_job_errors_in_bacalhau_order() {
        Job job = job("");
        job.count = -1;
        job.tasks = null;
        job.constraints = new ArrayList<>(Arrays.asList(constraint("", "in")));
        assertThat(submissionErrors(job)).containsExactly(
                entry("Type", "missing job type"),
                entry("Count", "job count must be >= 0"),
                entry("Tasks", "missing job tasks"),
                entry("Constraints[0].Key", "constraint 1 validation failed: selector key cannot be blank"),
                entry("Constraints[0].Values",
                        "constraint 1 validation failed: selector values cannot be empty for In or NotIn operators"));
    }

    @Test
    void numbers_constraints_from_one_and_skips_valid_ones() {
        Job job = job("batch");
        job.constraints = new ArrayList<>(Arrays.asList(constraint("a", "=", "x"), constraint("b", "=")));
        assertThat(submissionErrors(job)).containsExactly(entry("Constraints[1].Values",
                "constraint 2 validation failed: selector values must have exactly one value for other operators"));
    }

    @Test
    void rejects_null_constraint_instead_of_crashing() {
        Job job = job("batch");
        job.constraints = new ArrayList<>(Arrays.asList((LabelSelectorRequirement) null));
        assertThat(submissionErrors(job)).containsExactly(
                entry("Constraints[0]", "constraint 1 validation failed: constraint is null"));
    }

    @Test
    void rejects_null_task_instead_of_crashing() {
        Job job = job("batch");
        job.tasks.add(null);
        assertThat(submissionErrors(job)).containsExactly(entry("Tasks[1]", "task at index 1 is null"));
    }

    @Test
    void prefixes_task_errors_with_the_task_name_and_index() {
        Job job = job("batch");
        job.tasks.add(task("second"));
        job.tasks.get(1).engine = null;
        assertThat(submissionErrors(job)).containsExactly(
                entry("Tasks[1].Engine", "task second validation failed: invalid engine: nil spec config"));
    }

    @Test
    void rejects_task_without_engine() {
        Job job = job("batch");
        onlyTask(job).name = "a";
        onlyTask(job).engine = null;
        assertThat(submissionErrors(job)).containsExactly(
                entry("Tasks[0].Engine", "task a validation failed: invalid engine: nil spec config"));
    }

    @Test
    void rejects_engine_with_blank_type() {
        Job job = job("batch");
        onlyTask(job).engine = spec("  ");
        assertThat(submissionErrors(job)).containsExactly(
                entry("Tasks[0].Engine.Type", "task main validation failed: invalid engine: missing spec type"));
    }

    @Test
    void accepts_unknown_engine_type_and_unchecked_params() {
        Job job = job("batch");
        onlyTask(job).engine = spec("flibble", "Image", 42);
        assertThat(submissionErrors(job)).isEmpty();
    }

    @Test
    void names_an_unnamed_task_with_two_spaces_in_the_prefix() {
        Job job = job("batch");
        onlyTask(job).name = "";
        assertThat(submissionErrors(job)).containsExactly(
                entry("Tasks[0].Name", "task  validation failed: missing task name"));
    }

    @Test
    void rejects_task_name_with_null_character() {
        Job job = job("batch");
        onlyTask(job).name = "t\u0000";
        assertThat(submissionErrors(job)).containsExactly(
                entry("Tasks[0].Name", "task t\u0000 validation failed: task name cannot contain null characters"));
    }

    @Test
    void accepts_job_with_labels_meta_priority_and_namespace_of_any_shape() {
        Job job = job("batch");
        job.priority = -5;
        job.namespace = " any thing ";
        job.labels = Fixtures.strings("Upper Case", "", "x", "y");
        job.meta = Fixtures.strings("bacalhau.org/requester.id", "foo");
        assertThat(submissionErrors(job)).isEmpty();
    }

    @Test
    void does_not_change_the_job_while_validating() {
        Job job = job("batch");
        onlyTask(job).resources = Fixtures.resources(" 250M ", "", "", "");
        String before = JobJson.write(job);
        submissionErrors(job);
        assertThat(JobJson.write(job)).isEqualTo(before);
    }
}
