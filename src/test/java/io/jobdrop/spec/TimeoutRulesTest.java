package io.jobdrop.spec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static io.jobdrop.spec.Fixtures.entry;
import static io.jobdrop.spec.Fixtures.timeouts;
import static org.assertj.core.api.Assertions.assertThat;

/** Timeout rules (spec §9; Bacalhau's timeout_test.go). */
class TimeoutRulesTest {

    private static List<Violations.Entry> submissionErrorsOf(TimeoutConfig t) {
        Violations errors = Violations.collector();
        t.validateSubmission(errors);
        return errors.entries();
    }

    private static List<Violations.Entry> budgetErrorsOf(TimeoutConfig t) {
        Violations errors = Violations.collector();
        t.validateBudget(errors);
        return errors.entries();
    }

    @ParameterizedTest
    @CsvSource({"10, 20, 30", "0, 0, 0", "10, 20, 0", "0, 0, 30", "30, 0, 30", "100, 20, 120"})
    void accepts_timeouts_within_budget(long execution, long queue, long total) {
        TimeoutConfig t = timeouts(execution, queue, total);
        assertThat(submissionErrorsOf(t)).isEmpty();
        assertThat(budgetErrorsOf(t)).isEmpty();
    }

    @Test
    void rejects_each_negative_timeout_in_order() {
        assertThat(submissionErrorsOf(timeouts(-1, -2, -3))).containsExactly(
                entry("ExecutionTimeout", "invalid execution timeout value: -3s"),
                entry("QueueTimeout", "invalid queue timeout value: -2s"),
                entry("TotalTimeout", "invalid total timeout value: -3s"));
    }

    @Test
    void prints_the_effective_execution_timeout_in_its_error() {
        assertThat(submissionErrorsOf(timeouts(-1, 0, 30))).containsExactly(
                entry("ExecutionTimeout", "invalid execution timeout value: 30s"));
        assertThat(submissionErrorsOf(timeouts(-1, 0, 0))).containsExactly(
                entry("ExecutionTimeout", "invalid execution timeout value: 0s"));
    }

    @Test
    void names_negative_queue_and_total_timeouts() {
        assertThat(submissionErrorsOf(timeouts(10, -20, 30))).containsExactly(
                entry("QueueTimeout", "invalid queue timeout value: -20s"));
        assertThat(submissionErrorsOf(timeouts(10, 20, -30))).containsExactly(
                entry("TotalTimeout", "invalid total timeout value: -30s"));
    }

    @Test
    void rejects_execution_and_queue_over_the_total() {
        assertThat(budgetErrorsOf(timeouts(15, 20, 30))).containsExactly(entry("",
                "execution timeout 15s and queue timeout 20s should be less than total timeout 30s"));
        assertThat(budgetErrorsOf(timeouts(100, 20, 110))).containsExactly(entry("",
                "execution timeout 1m40s and queue timeout 20s should be less than total timeout 1m50s"));
    }

    @Test
    void prints_hours_the_go_way() {
        assertThat(budgetErrorsOf(timeouts(3600, 1, 3600))).containsExactly(entry("",
                "execution timeout 1h0m0s and queue timeout 1s should be less than total timeout 1h0m0s"));
    }

    @Test
    void falls_back_to_the_total_for_an_unset_execution_timeout() {
        assertThat(timeouts(0, 0, 30).effectiveExecutionTimeout()).isEqualTo(30);
        assertThat(timeouts(-5, 0, 30).effectiveExecutionTimeout()).isEqualTo(30);
        assertThat(timeouts(10, 0, 30).effectiveExecutionTimeout()).isEqualTo(10);
    }

    @Test
    void reports_a_missing_config_only_in_the_store() {
        Job job = Fixtures.job("batch");
        assertThat(Fixtures.submissionErrors(job)).isEmpty();
        assertThat(Fixtures.storedErrors(job)).containsExactly(
                entry("Tasks[0].Timeouts", "task main validation failed: task timeouts validation failed: "
                        + "missing timeout config"));
    }
}
