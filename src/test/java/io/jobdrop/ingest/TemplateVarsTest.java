package io.jobdrop.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** --var values read as pflag's stringToString reads Bacalhau's -V (checked against pflag + encoding/csv). */
class TemplateVarsTest {

    @Test
    void one_value_may_set_several_variables_separated_by_commas() {
        assertThat(TemplateVars.parse(List.of("a=1,b=2"))).isEqualTo(Map.of("a", "1", "b", "2"));
    }

    @Test
    void a_value_with_a_single_equals_sign_is_taken_whole_commas_included() {
        assertThat(TemplateVars.parse(List.of("q=SELECT a, b FROM t"))).isEqualTo(Map.of("q", "SELECT a, b FROM t"));
    }

    @Test
    void csv_quotes_allow_commas_and_doubled_quotes() {
        assertThat(TemplateVars.parse(List.of("\"q=x,y\",b=2"))).isEqualTo(Map.of("q", "x,y", "b", "2"));
        assertThat(TemplateVars.parse(List.of("\"a=\"\"q\"\",x\",b=2"))).isEqualTo(Map.of("a", "\"q\",x", "b", "2"));
    }

    @Test
    void a_quoted_field_may_span_lines() {
        assertThat(TemplateVars.parse(List.of("\"a=1\nx\",b=2"))).isEqualTo(Map.of("a", "1\nx", "b", "2"));
    }

    @Test
    void only_the_first_csv_record_counts() {
        assertThat(TemplateVars.parse(List.of("a=1,b=2\nc=3"))).isEqualTo(Map.of("a", "1", "b", "2"));
    }

    @Test
    void equals_signs_after_the_first_belong_to_the_value() {
        assertThat(TemplateVars.parse(List.of("url=http://h/?a=b"))).isEqualTo(Map.of("url", "http://h/?a=b"));
    }

    @Test
    void later_values_win() {
        assertThat(TemplateVars.parse(List.of("a=1", "a=2,b=3"))).isEqualTo(Map.of("a", "2", "b", "3"));
    }

    @Test
    void surrounding_quotes_of_a_single_pair_are_trimmed_as_pflag_trims_them() {
        assertThat(TemplateVars.parse(List.of("\"a=1\""))).isEqualTo(Map.of("a", "1"));
        assertThat(TemplateVars.parse(List.of("a=\"1\""))).isEqualTo(Map.of("a", "\"1"));
    }

    @Test
    void an_empty_value_sets_nothing() {
        assertThat(TemplateVars.parse(List.of(""))).isEmpty();
    }

    @Test
    void a_value_without_equals_sign_is_rejected() {
        assertThatThrownBy(() -> TemplateVars.parse(List.of("a")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("a must be formatted as key=value");
        assertThatThrownBy(() -> TemplateVars.parse(List.of("a=1,,b=2")))
                .hasMessage(" must be formatted as key=value");
    }

    @Test
    void broken_csv_is_rejected_with_go_csv_wording() {
        assertThatThrownBy(() -> TemplateVars.parse(List.of("a=\"x,b=2")))
                .hasMessage("parse error on line 1, column 3: bare \" in non-quoted-field");
        assertThatThrownBy(() -> TemplateVars.parse(List.of("\"a=1,b=2")))
                .hasMessage("parse error on line 1, column 9: extraneous or missing \" in quoted-field");
        assertThatThrownBy(() -> TemplateVars.parse(List.of("\"a=1\"x,b=2")))
                .hasMessage("parse error on line 1, column 5: extraneous or missing \" in quoted-field");
        assertThatThrownBy(() -> TemplateVars.parse(List.of("\"a=1\nx,b=2")))
                .hasMessage("record on line 1; parse error on line 2, column 6: extraneous or missing \" in quoted-field");
    }

    @Test
    void environment_variables_with_the_prefix_become_template_variables() {
        Map<String, String> env = Map.of(
                "JOBDROP_VAR_query", "SELECT 1",
                "JOBDROP_VAR_start-time", "0",
                "JOBDROP_VAR_", "ignored",
                "PATH", "/bin",
                "OTHER_JOBDROP_VAR_x", "ignored");
        assertThat(TemplateVars.fromEnvironment(env)).isEqualTo(Map.of("query", "SELECT 1", "start-time", "0"));
    }
}
