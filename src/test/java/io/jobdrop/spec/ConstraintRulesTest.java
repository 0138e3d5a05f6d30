package io.jobdrop.spec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static io.jobdrop.spec.Fixtures.constraint;
import static io.jobdrop.spec.Fixtures.entry;
import static org.assertj.core.api.Assertions.assertThat;

/** Constraint (label selector) submission checks (spec §10). */
class ConstraintRulesTest {

    private static List<Violations.Entry> errorsOf(LabelSelectorRequirement c) {
        Violations errors = Violations.collector();
        c.validate(errors);
        return errors.entries();
    }

    @ParameterizedTest
    @ValueSource(strings = {"=", "==", "!=", "gt", "lt"})
    void accepts_single_value_operators_with_one_value(String operator) {
        assertThat(errorsOf(constraint("zone", operator, "1"))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"=", "==", "!=", "gt", "lt", "In", "EXISTS", "foo"})
    void rejects_other_operators_without_exactly_one_value(String operator) {
        assertThat(errorsOf(constraint("a", operator, "x", "y"))).containsExactly(
                entry("Values", "selector values must have exactly one value for other operators"));
        assertThat(errorsOf(constraint("a", operator))).containsExactly(
                entry("Values", "selector values must have exactly one value for other operators"));
    }

    @Test
    void accepts_in_and_notin_with_values() {
        assertThat(errorsOf(constraint("a", "in", "x", "y"))).isEmpty();
        assertThat(errorsOf(constraint("a", "notin", "x"))).isEmpty();
    }

    @Test
    void rejects_blank_key_and_in_without_values_together() {
        assertThat(errorsOf(constraint(" ", "in"))).containsExactly(
                entry("Key", "selector key cannot be blank"),
                entry("Values", "selector values cannot be empty for In or NotIn operators"));
    }

    @Test
    void rejects_notin_without_values() {
        assertThat(errorsOf(constraint("a", "notin"))).containsExactly(
                entry("Values", "selector values cannot be empty for In or NotIn operators"));
    }

    @Test
    void rejects_exists_with_values_using_bacalhau_wording() {
        assertThat(errorsOf(constraint("c", "exists", "z"))).containsExactly(
                entry("Values", "selector values must be empty for Exists or KeyNotInImap operators"));
        assertThat(errorsOf(constraint("c", "!", "z"))).containsExactly(
                entry("Values", "selector values must be empty for Exists or KeyNotInImap operators"));
    }

    @Test
    void accepts_exists_and_does_not_exist_without_values() {
        assertThat(errorsOf(constraint("f", "!"))).isEmpty();
        assertThat(errorsOf(constraint("f", "exists"))).isEmpty();
    }

    @Test
    void leaves_bad_keys_unknown_operators_and_non_numbers_to_the_scheduler() {
        assertThat(errorsOf(constraint("bad key!", "foo", "x"))).isEmpty();
        assertThat(errorsOf(constraint("e", "gt", "notanint"))).isEmpty();
    }

    @Test
    void treats_missing_operator_as_an_other_operator() {
        LabelSelectorRequirement c = constraint("a", null, "x");
        assertThat(errorsOf(c)).isEmpty();
    }
}
