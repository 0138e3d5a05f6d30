package io.jobdrop.spec.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jobdrop.spec.SourcePosition;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Parse and execution errors: Go's wording, Go's line and byte column, and the matching SourcePosition. */
class GoTemplateErrorTest {

    static TemplateException failure(String template) {
        return catchThrowableOfType(() -> GoTemplate.render(template, GoTemplateRenderingTest.VARS),
                TemplateException.class);
    }

    @Test
    void missing_key_on_line_one_reports_the_offset_from_the_start() {
        TemplateException e = catchThrowableOfType(() -> GoTemplate.render("Name: {{.foo}}", Map.of()),
                TemplateException.class);
        assertThat(e.bacalhauMessage()).isEqualTo(
                "failed to execute template: template: :1:8: executing \"\" at <.foo>: map has no entry for key \"foo\"");
        assertThat(e.position()).isEqualTo(new SourcePosition(1, 9));
    }

    @Test
    void missing_key_on_a_later_line_reports_the_column_within_that_line() {
        TemplateException e = failure("a: 1\nb:\n  - {{ .nope }}\n");
        assertThat(e.getMessage()).isEqualTo("template: :3:7: executing \"\" at <.nope>: map has no entry for key \"nope\"");
        assertThat(e.position()).isEqualTo(new SourcePosition(3, 8));
    }

    @Test
    void columns_count_bytes_as_go_does() {
        TemplateException e = failure("héllo {{.nope}}");
        assertThat(e.getMessage()).startsWith("template: :1:9: ");
        assertThat(e.position()).isEqualTo(new SourcePosition(1, 10));
    }

    @Test
    void a_field_chain_fails_at_its_last_field_naming_the_first_missing_key() {
        assertThat(failure("{{.a.b}}").getMessage())
                .isEqualTo("template: :1:4: executing \"\" at <.a.b>: map has no entry for key \"a\"");
    }

    @Test
    void a_field_of_a_string_cannot_be_evaluated() {
        assertThat(failure("{{.key.x}}").getMessage())
                .isEqualTo("template: :1:6: executing \"\" at <.key.x>: can't evaluate field x in type string");
    }

    @Test
    void function_errors_name_the_function_and_the_command() {
        assertThat(failure("{{index . 1}}").getMessage()).isEqualTo(
                "template: :1:2: executing \"\" at <index . 1>: error calling index: value has type int; should be string");
        assertThat(failure("{{len 3}}").getMessage())
                .isEqualTo("template: :1:2: executing \"\" at <len 3>: error calling len: len of type int");
        assertThat(failure("{{ index \"abc\" 5 }}").getMessage()).isEqualTo(
                "template: :1:3: executing \"\" at <index \"abc\" 5>: error calling index: index out of range: 5");
    }

    @Test
    void comparing_different_types_is_an_error() {
        assertThat(failure("{{eq 1 \"1\"}}").getMessage()).endsWith(
                "error calling eq: incompatible types for comparison: int and string");
    }

    @Test
    void argument_type_errors_point_at_the_argument() {
        assertThat(failure("{{printf 3}}").getMessage())
                .isEqualTo("template: :1:9: executing \"\" at <3>: expected string; found 3");
        assertThat(failure("{{nil}}").getMessage())
                .isEqualTo("template: :1:2: executing \"\" at <nil>: nil is not a command");
    }

    @Test
    void ranging_over_a_string_is_an_error() {
        assertThat(failure("{{range .key}}{{end}}").getMessage())
                .isEqualTo("template: :1:8: executing \"\" at <.key>: range can't iterate over value");
    }

    @Test
    void an_undefined_template_is_an_execution_error() {
        assertThat(failure("{{template \"nope\"}}").getMessage()).isEqualTo(
                "template: :1:11: executing \"\" at <{{template \"nope\"}}>: template \"nope\" not defined");
    }

    @Test
    void errors_inside_a_defined_template_name_that_template() {
        assertThat(failure("{{define \"x\"}}{{.c}}{{end}}\nline2 {{template \"x\" .}}").getMessage())
                .isEqualTo("template: :1:16: executing \"x\" at <.c>: map has no entry for key \"c\"");
    }

    @Test
    void a_stray_brace_is_an_unexpected_operand_on_its_line() {
        TemplateException e = failure("x\ny\n{{ .key } }}");
        assertThat(e.bacalhauMessage()).isEqualTo("failed to parse template: template: :3: unexpected \"}\" in operand");
        assertThat(e.position().line()).isEqualTo(3);
    }

    @Test
    void an_action_without_its_closing_delimiter_is_unclosed() {
        assertThat(failure("{{.key").getMessage()).isEqualTo("template: :1: unclosed action");
        assertThat(failure("a\n{{ .key\n .x").getMessage()).isEqualTo("template: :3: unclosed action started at :2");
    }

    @Test
    void unknown_functions_are_rejected_while_parsing() {
        assertThat(failure("{{foo}}").getMessage()).isEqualTo("template: :1: function \"foo\" not defined");
    }

    @Test
    void control_structure_mistakes_are_parse_errors() {
        assertThat(failure("{{if .key}}x").getMessage()).isEqualTo("template: :1: unexpected EOF");
        assertThat(failure("{{end}}").getMessage()).isEqualTo("template: :1: unexpected {{end}}");
        assertThat(failure("{{break}}").getMessage()).isEqualTo("template: :1: {{break}} outside {{range}}");
        assertThat(failure("{{$y}}").getMessage()).isEqualTo("template: :1: undefined variable \"$y\"");
    }

    @Test
    void lexical_mistakes_are_parse_errors() {
        assertThat(failure("{{\"open}}").getMessage()).isEqualTo("template: :1: unterminated quoted string");
        assertThat(failure("{{ 12abc }}").getMessage()).isEqualTo("template: :1: bad number syntax: \"12a\"");
        assertThat(failure("{{ @ }}").getMessage()).isEqualTo("template: :1: unexpected \"@\" in command");
        assertThat(failure("{{/* open").getMessage()).isEqualTo("template: :1: unclosed comment");
        assertThat(failure("{{\"\\q\"}}").getMessage()).isEqualTo("template: :1: invalid syntax");
    }

    @Test
    void a_template_defined_twice_is_rejected() {
        assertThat(failure("{{define \"T\"}}a{{end}}{{define \"T\"}}b{{end}}").getMessage())
                .isEqualTo("template: :1: template: multiple definition of template \"T\"");
    }

    @Test
    void recursive_templates_stop_at_the_depth_limit() {
        assertThat(failure("{{define \"a\"}}{{template \"a\"}}{{end}}{{template \"a\"}}").getMessage())
                .isEqualTo("template: :1:25: executing \"a\" at <{{template \"a\"}}>: exceeded maximum template depth ("
                        + Executor.MAX_EXEC_DEPTH + ")");
    }

    @Test
    void deeply_nested_parentheses_are_refused_with_gos_message() {
        String deep = "{{" + "(".repeat(500) + "1" + ")".repeat(500) + "}}";
        assertThat(failure(deep).getMessage()).isEqualTo("template: :1: max expression depth exceeded");
    }

    @Test
    void nesting_too_deep_for_the_stack_is_an_error_not_a_crash() {
        String deep = "{{if 1}}".repeat(100_000) + "x" + "{{end}}".repeat(100_000);
        TemplateException e = failure(deep);
        assertThat(e.bacalhauMessage()).isEqualTo("failed to parse template: template: : nesting too deep to parse");
        assertThat(e.position()).isEqualTo(SourcePosition.UNKNOWN);
    }
}
