package io.jobdrop.spec;

import io.jobdrop.ingest.JobDefaults;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static io.jobdrop.spec.Fixtures.entry;
import static io.jobdrop.spec.Fixtures.input;
import static io.jobdrop.spec.Fixtures.job;
import static io.jobdrop.spec.Fixtures.onlyTask;
import static io.jobdrop.spec.Fixtures.result;
import static io.jobdrop.spec.Fixtures.spec;
import static io.jobdrop.spec.Fixtures.storedErrors;
import static io.jobdrop.spec.Fixtures.submissionErrors;
import static io.jobdrop.spec.Fixtures.task;
import static io.jobdrop.spec.Fixtures.taskErrors;
import static org.assertj.core.api.Assertions.assertThat;

/** Task submission rules (spec §4, §6.3; Bacalhau's task_test.go). */
class TaskRulesTest {

    private static Task fullTask() {
        Task task = task("main");
        task.publisher = spec("s3", "Bucket", "b", "Key", "k");
        task.inputSources = new ArrayList<>(List.of(input("input1", "/input1"), input("input2", "/input2")));
        task.resultPaths = new ArrayList<>(List.of(result("output1", "/output1"), result("output2", "/output2")));
        return task;
    }

    @Test
    void accepts_task_with_inputs_results_and_publisher() {
        Job job = job("batch");
        job.tasks.set(0, fullTask());
        assertThat(submissionErrors(job)).isEmpty();
        job.normalize();
        assertThat(storedErrors(job)).isEmpty();
    }

    @Test
    void rejects_duplicate_input_alias() {
        Task task = fullTask();
        task.inputSources.get(1).alias = "input1";
        assertThat(taskErrors(task)).containsExactly(
                entry("InputSources[1].Alias", "input source with alias 'input1' already exists"));
    }

    @Test
    void rejects_duplicate_input_target() {
        Task task = fullTask();
        task.inputSources.get(0).target = "/input";
        task.inputSources.get(1).target = "/input";
        assertThat(taskErrors(task)).containsExactly(
                entry("InputSources[1].Target", "input source with target '/input' already exists"));
    }

    @Test
    void reports_only_the_first_duplicate_and_alias_before_target() {
        Task task = fullTask();
        task.inputSources.add(input("input1", "/input1"));
        task.inputSources.add(input("input2", "/input2"));
        assertThat(taskErrors(task)).containsExactly(
                entry("InputSources[2].Alias", "input source with alias 'input1' already exists"));
    }

    @Test
    void lets_empty_aliases_repeat_and_compares_targets_untrimmed() {
        Task task = task("main");
        task.inputSources = new ArrayList<>(List.of(input("", "/a"), input("", " /a")));
        assertThat(taskErrors(task)).isEmpty();
    }

    @Test
    void rejects_input_without_target() {
        Task task = fullTask();
        task.inputSources.get(0).target = " ";
        assertThat(taskErrors(task)).containsExactly(
                entry("InputSources[0].Target", "invalid input sources: input source is missing a target"));
    }

    @Test
    void joins_target_and_source_errors_of_one_input() {
        Task task = task("main");
        InputSource bare = new InputSource();
        task.inputSources = new ArrayList<>(List.of(bare));
        assertThat(taskErrors(task)).containsExactly(
                entry("InputSources[0].Target", "invalid input sources: input source is missing a target"),
                entry("InputSources[0].Source", "invalid input sources: invalid input source: nil spec config"));
    }

    @Test
    void rejects_input_with_blank_source_type() {
        Task task = task("main");
        task.inputSources = new ArrayList<>(List.of(input("", "/a")));
        task.inputSources.get(0).source = spec(" ");
        assertThat(taskErrors(task)).containsExactly(entry("InputSources[0].Source.Type",
                "invalid input sources: invalid input source: missing spec type"));
    }

    @Test
    void reports_only_the_first_failing_input() {
        Task task = task("main");
        task.inputSources = new ArrayList<>(List.of(input("", "/ok"), input("", ""), input("", "")));
        assertThat(taskErrors(task)).containsExactly(
                entry("InputSources[1].Target", "invalid input sources: input source is missing a target"));
    }

    @Test
    void accepts_relative_and_root_input_targets() {
        Task task = task("main");
        task.inputSources = new ArrayList<>(List.of(input("", "data"), input("", "/")));
        assertThat(taskErrors(task)).isEmpty();
    }

    @Test
    void rejects_null_input_source_instead_of_crashing() {
        Task task = task("main");
        task.inputSources = new ArrayList<>(Arrays.asList(input("", "/a"), null));
        assertThat(taskErrors(task)).containsExactly(
                entry("InputSources[1]", "invalid input sources: input source is null"));
    }

    @Test
    void rejects_duplicate_result_name() {
        Task task = fullTask();
        task.resultPaths.get(1).name = "output1";
        assertThat(taskErrors(task)).containsExactly(
                entry("ResultPaths[1].Name", "result path with name 'output1' already exists"));
    }

    @Test
    void rejects_duplicate_result_path() {
        Task task = fullTask();
        task.resultPaths.get(1).path = "/output1";
        assertThat(taskErrors(task)).containsExactly(
                entry("ResultPaths[1].Path", "result path '/output1' already exists"));
    }

    @Test
    void rejects_relative_result_path() {
        Task task = fullTask();
        task.resultPaths = new ArrayList<>(List.of(result("out", "out")));
        assertThat(taskErrors(task)).containsExactly(
                entry("ResultPaths[0].Path", "invalid output: result path `out` must be absolute"));
    }

    @Test
    void rejects_result_path_padded_with_spaces_because_main_validates_before_trimming() {
        Task task = fullTask();
        task.resultPaths = new ArrayList<>(List.of(result("out", " /out ")));
        assertThat(taskErrors(task)).containsExactly(
                entry("ResultPaths[0].Path", "invalid output: result path ` /out ` must be absolute"));
    }

    @Test
    void joins_all_three_result_path_errors() {
        Task task = fullTask();
        task.resultPaths = new ArrayList<>(List.of(result("", "")));
        assertThat(taskErrors(task)).containsExactly(
                entry("ResultPaths[0].Path", "invalid output: missing path"),
                entry("ResultPaths[0].Name", "invalid output: missing name"),
                entry("ResultPaths[0].Path", "invalid output: result path `` must be absolute"));
    }

    @Test
    void rejects_null_result_path() {
        Task task = fullTask();
        task.resultPaths = new ArrayList<>(Arrays.asList(result("a", "/a"), null));
        assertThat(taskErrors(task)).containsExactly(entry("ResultPaths[1]", "invalid output: path is nil"));
    }

    @Test
    void accepts_result_paths_without_publisher_at_submission_but_not_in_the_store() {
        Job job = job("batch");
        onlyTask(job).name = "a";
        onlyTask(job).resultPaths = new ArrayList<>(List.of(result("out", "/out")));
        assertThat(submissionErrors(job)).isEmpty();
        job.normalize();
        JobDefaults.BACALHAU.apply(job);
        assertThat(storedErrors(job)).containsExactly(
                entry("Tasks[0].Publisher", "task a validation failed: publisher must be set if result paths are set"));
    }

    @Test
    void counts_a_publisher_with_only_params_as_set() {
        Job job = job("batch");
        onlyTask(job).resultPaths = new ArrayList<>(List.of(result("out", "/out")));
        onlyTask(job).publisher = spec("", "Bucket", "b");
        job.normalize();
        assertThat(storedErrors(job)).isEmpty();
    }

    @Test
    void accepts_timeouts_over_budget_at_submission_but_not_in_the_store() {
        Job job = job("batch");
        onlyTask(job).timeouts = Fixtures.timeouts(100, 0, 10);
        assertThat(submissionErrors(job)).isEmpty();
        job.normalize();
        assertThat(storedErrors(job)).containsExactly(entry("Tasks[0].Timeouts", "task main validation failed: "
                + "task timeouts validation failed: execution timeout 1m40s and queue timeout 0s should be less than "
                + "total timeout 10s"));
    }

    @Test
    void rejects_negative_execution_timeout() {
        Task task = task("main");
        task.timeouts = Fixtures.timeouts(-1, 0, 0);
        assertThat(taskErrors(task)).containsExactly(
                entry("Timeouts.ExecutionTimeout", "invalid timeouts: invalid execution timeout value: 0s"));
    }

    @Test
    void rejects_negative_cpu() {
        Task task = task("main");
        task.resources = Fixtures.resources("-1", "", "", "");
        assertThat(taskErrors(task)).containsExactly(
                entry("Resources.CPU", "invalid resources: invalid CPU value: -1.000000"));
    }

    @Test
    void rejects_reserved_environment_variable() {
        Task task = task("main");
        task.env = Fixtures.strings("BACALHAU_TEST", "x");
        assertThat(taskErrors(task)).containsExactly(
                entry("Env.BACALHAU_TEST", "environment variable 'BACALHAU_TEST' cannot start with BACALHAU_"));
    }

    @Test
    void accepts_variables_that_only_contain_bacalhau() {
        Task task = task("main");
        task.env = Fixtures.strings("VALID_VAR", "x", "MY_BACALHAU", "y");
        assertThat(taskErrors(task)).isEmpty();
    }

    @Test
    void rejects_port_name_that_is_not_a_variable_name() {
        Task task = task("main");
        task.network = Fixtures.network(Network.HOST);
        task.network.ports = new ArrayList<>(List.of(Fixtures.port("invalid-name", 0, 0)));
        assertThat(Fixtures.messages(taskErrors(task))).singleElement().asString()
                .startsWith("invalid network: port name must be a valid environment variable name");
    }

    @Test
    void does_not_check_publisher_at_submission() {
        Task task = task("main");
        task.publisher = spec("   ");
        assertThat(taskErrors(task)).isEmpty();
    }

    @Test
    void reports_task_errors_in_bacalhau_order() {
        Task task = task("");
        task.env = Fixtures.strings("lower", "x");
        task.engine = null;
        task.timeouts = Fixtures.timeouts(0, -2, 0);
        task.resources = Fixtures.resources("x", "", "", "");
        task.inputSources = new ArrayList<>(List.of(input("a", ""), input("a", "/b")));
        task.resultPaths = new ArrayList<>(List.of(result("r", "rel"), result("r", "/abs")));
        task.network = Fixtures.network(Network.NONE, "example.com");
        assertThat(taskErrors(task)).containsExactly(
                entry("Name", "missing task name"),
                entry("Env.lower", "environment variable 'lower' must be uppercase"),
                entry("Engine", "invalid engine: nil spec config"),
                entry("Timeouts.QueueTimeout", "invalid timeouts: invalid queue timeout value: -2s"),
                entry("Resources.CPU", "invalid resources: invalid CPU value: x"),
                entry("InputSources[0].Target", "invalid input sources: input source is missing a target"),
                entry("ResultPaths[0].Path", "invalid output: result path `rel` must be absolute"),
                entry("InputSources[1].Alias", "input source with alias 'a' already exists"),
                entry("ResultPaths[1].Name", "result path with name 'r' already exists"),
                entry("Network.Domains", "invalid network: domains can only be set for HTTP network mode"));
    }

    @Test
    void normalizes_missing_parts_to_empty_ones() {
        Task task = task("main");
        task.normalize();
        assertThat(task.meta).isEmpty();
        assertThat(task.env).isEmpty();
        assertThat(task.inputSources).isEmpty();
        assertThat(task.resultPaths).isEmpty();
        assertThat(task.resources.cpu).isEmpty();
        assertThat(task.publisher.type).isEmpty();
        assertThat(task.publisher.params).isEmpty();
        assertThat(task.network.type).isEqualTo(Network.DEFAULT);
        assertThat(task.timeouts.totalTimeout).isZero();
        assertThat(task.engine.params).containsEntry("Image", "busybox");
    }

    @Test
    void normalize_trims_specs_inputs_and_results_but_keeps_type_case() {
        Task task = task("main");
        task.engine = spec(" Docker ");
        InputSource in = input(" a ", " /in ");
        in.source.type = " S3 ";
        InputSource sourceless = new InputSource();
        sourceless.target = " /kept ";
        task.inputSources = new ArrayList<>(Arrays.asList(in, sourceless, null));
        task.resultPaths = new ArrayList<>(List.of(result(" out ", " /out ")));
        task.normalize();
        assertThat(task.engine.type).isEqualTo("Docker");
        assertThat(task.engine.params).isNotNull().isEmpty();
        assertThat(in.alias).isEqualTo("a");
        assertThat(in.target).isEqualTo("/in");
        assertThat(in.source.type).isEqualTo("S3");
        assertThat(sourceless.target).isEqualTo(" /kept ");
        assertThat(task.resultPaths.get(0).name).isEqualTo("out");
        assertThat(task.resultPaths.get(0).path).isEqualTo("/out");
    }
}
