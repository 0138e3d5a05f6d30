package io.jobdrop.ingest;

import io.jobdrop.spec.Problem;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bacalhau's template step wraps Go's Template.Parse errors in "failed to parse template: " and Template.Execute
 * errors in "failed to execute template: ": every class of template error gets the prefix of the call that raises it
 * in Go's text/template.
 */
class TemplateWordingTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            # template                                    | Go call | message after the prefix                                      | line | column
            Name: {{.key                                  | parse   | template: :1: unclosed action                                 | 1    | 13
            Name: {{"open}}                               | parse   | template: :1: unterminated quoted string                      | 1    | 9
            Name: {{ 12abc }}                             | parse   | template: :1: bad number syntax: "12a"                        | 1    | 10
            Name: {{ @ }}                                 | parse   | template: :1: unexpected "@" in command                       | 1    | 10
            Name: {{/* open                               | parse   | template: :1: unclosed comment                                | 1    | 9
            Name: {{foo}}                                 | parse   | template: :1: function "foo" not defined                      | 1    | 9
            Name: {{$y}}                                  | parse   | template: :1: undefined variable "$y"                         | 1    | 11
            Name: {{if 1}}x                               | parse   | template: :1: unexpected EOF                                  | 1    | 16
            Name: {{end}}                                 | parse   | template: :1: unexpected {{end}}                              | 1    | 12
            Name: {{break}}                               | parse   | template: :1: {{break}} outside {{range}}                     | 1    | 14
            `{{define "T"}}a{{end}}{{define "T"}}b{{end}}` | parse   | template: :1: template: multiple definition of template "T"   | 1    | 43
            Name: {{.nope}}                               | execute | template: :1:8: executing "" at <.nope>: map has no entry for key "nope" | 1 | 9
            Name: {{index . 1}}                           | execute | template: :1:8: executing "" at <index . 1>: error calling index: value has type int; should be string | 1 | 9
            Name: {{template "x"}}                        | execute | template: :1:17: executing "" at <{{template "x"}}>: template "x" not defined | 1 | 18
            Name: {{range "s"}}{{end}}                    | execute | template: :1:14: executing "" at <"s">: range can't iterate over s | 1 | 15
            """)
    void reports_each_template_error_with_the_wording_of_the_go_call_that_raises_it(
            String template, String call, String message, int line, int column) {
        FileVerdict verdict = JobFileReaderTest.read(template);

        assertThat(verdict.accepted()).isFalse();
        Problem problem = verdict.errors().get(0);
        assertThat(problem.message()).isEqualTo("failed to " + call + " template: " + message);
        assertThat(problem.line()).isEqualTo(line);
        assertThat(problem.column()).isEqualTo(column);
    }
}
