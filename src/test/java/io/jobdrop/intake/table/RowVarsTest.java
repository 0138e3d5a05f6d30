package io.jobdrop.intake.table;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RowVarsTest {

    @Test
    void takes_strings_numbers_and_booleans_as_their_text() {
        RowVars.Parsed parsed = RowVars.parse("vars", "{\"day\": \"2026-12-04\", \"n\": 3, \"f\": 1.5, \"on\": true}");
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.vars()).isEqualTo(Map.of("day", "2026-12-04", "n", "3", "f", "1.5", "on", "true"));
    }

    @Test
    void a_null_or_blank_column_means_no_variables() {
        assertThat(RowVars.parse("vars", null).vars()).isEmpty();
        assertThat(RowVars.parse("vars", "  ").problems()).isEmpty();
    }

    @Test
    void refuses_json_that_is_not_an_object_of_scalars_naming_the_column() {
        assertThat(RowVars.parse("vars", "[1]").problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).isEqualTo(
                        "vars must be a JSON object of template variables, not array"));
        assertThat(RowVars.parse("params", "{\"a\": {\"b\": 1}}").problems()).singleElement()
                .satisfies(p -> {
                    assertThat(p.path()).isEqualTo("params.a");
                    assertThat(p.message()).contains("variable \"a\" is object");
                });
        assertThat(RowVars.parse("vars", "{\"a\": ").problems()).singleElement()
                .satisfies(p -> {
                    assertThat(p.message()).startsWith("vars is not valid JSON: ");
                    assertThat(p.line()).isEqualTo(1);
                });
    }
}
