package io.jobdrop.spec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.jobdrop.spec.Fixtures.entry;
import static io.jobdrop.spec.Fixtures.strings;
import static org.assertj.core.api.Assertions.assertThat;

/** Task environment variables (spec §11; Bacalhau's env_var_test.go). */
class EnvVarRulesTest {

    private static List<Violations.Entry> errorsOf(Map<String, String> env) {
        Violations errors = Violations.collector();
        EnvVarRules.validate(env, errors);
        return errors.entries();
    }

    @Test
    void accepts_plain_values_and_host_references() {
        assertThat(errorsOf(strings("VALID_VAR", "value", "TEST_VAR", "env:HOST_VAR"))).isEmpty();
    }

    @Test
    void accepts_missing_and_empty_environments() {
        assertThat(errorsOf(null)).isEmpty();
        assertThat(errorsOf(Map.of())).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "INVALID NAME|environment variable 'INVALID NAME' can only contain letters, numbers, and underscores",
            "INVALID@NAME|environment variable 'INVALID@NAME' can only contain letters, numbers, and underscores",
            "lowercase|environment variable 'lowercase' must be uppercase",
            "1VAR|environment variable '1VAR' must start with a letter",
            "_A|environment variable '_A' must start with a letter",
            "BACALHAU_TEST|environment variable 'BACALHAU_TEST' cannot start with BACALHAU_",
            "BACALHAU_X|environment variable 'BACALHAU_X' cannot start with BACALHAU_"})
    void rejects_bad_names(String name, String message) {
        assertThat(errorsOf(strings(name, "x"))).containsExactly(entry(name, message));
    }

    @Test
    void rejects_empty_name() {
        assertThat(errorsOf(strings("", "x"))).containsExactly(entry("", "environment variable name cannot be empty"));
    }

    @Test
    void rejects_empty_or_missing_value() {
        assertThat(errorsOf(strings("GOOD", ""))).containsExactly(
                entry("GOOD", "environment variable 'GOOD' cannot have empty value"));
        Map<String, String> nullValue = new HashMap<>();
        nullValue.put("GOOD", null);
        assertThat(errorsOf(nullValue)).containsExactly(
                entry("GOOD", "environment variable 'GOOD' cannot have empty value"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ÄBC", "ÉTÉ", "MY_VAR_2", "A", "STRASSE_ß"})
    void accepts_unicode_letters_and_digits(String name) {
        assertThat(errorsOf(strings(name, "x"))).isEmpty();
    }

    @Test
    void looks_at_the_first_byte_as_go_does() {
        assertThat(errorsOf(strings("אבג", "x"))).containsExactly(
                entry("אבג", "environment variable 'אבג' must start with a letter"));
    }

    @Test
    void checks_in_sorted_order_and_reports_only_the_first_failure() {
        Map<String, String> env = new HashMap<>(strings("ZED", "", "b_lower", "x", "OK", "y", "BACALHAU_Y", "z"));
        assertThat(errorsOf(env)).containsExactly(
                entry("BACALHAU_Y", "environment variable 'BACALHAU_Y' cannot start with BACALHAU_"));
    }

    @Test
    void reports_within_the_task_prefix() {
        Job job = Fixtures.job("batch");
        Fixtures.onlyTask(job).env = strings("lower", "x");
        assertThat(Fixtures.submissionErrors(job)).containsExactly(entry("Tasks[0].Env.lower",
                "task main validation failed: environment variable 'lower' must be uppercase"));
    }
}
