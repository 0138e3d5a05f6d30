package io.jobdrop.spec.template;

import io.jobdrop.spec.SourcePosition;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Templates written to hang or to fill the heap are refused at the node to blame, within the limits. The timeout is
 * only a guard against a hang, far above what any of them takes.
 */
class HostileTemplateTest {

    static final Duration HANG_GUARD = Duration.ofSeconds(60);

    static TemplateException refusal(String template, TemplateLimits limits) {
        return assertTimeoutPreemptively(HANG_GUARD, () -> catchThrowableOfType(
                () -> GoTemplate.render(template, Map.of("v", "x"), limits), TemplateException.class));
    }

    static TemplateException refusal(String template) {
        return refusal(template, TemplateLimits.DEFAULTS);
    }

    @Test
    void stops_a_range_over_a_huge_integer_at_the_step_limit() {
        TemplateException e = refusal("x: \"{{range 1000000000000}}{{end}}\"");

        assertThat(e.bacalhauMessage()).isEqualTo("failed to execute template: template: :1:12: executing \"\" at "
                + "<{{range 1000000000000}}{{end}}>: template execution exceeds 10000000 steps (jobdrop.limits.template-steps)");
        assertThat(e.position()).isEqualTo(new SourcePosition(1, 13));
    }

    @Test
    void stops_nested_ranges_that_write_too_much_at_the_output_limit() {
        TemplateException e = refusal("a: 1\nx: {{range 100000}}{{range 100000}}" + "A".repeat(64) + "{{end}}{{end}}\n");

        assertThat(e.getMessage()).startsWith("template: :2:")
                .endsWith(": template output exceeds 10485760 bytes (jobdrop.limits.template-output-bytes)");
        assertThat(e.position().line()).isEqualTo(2);
    }

    @Test
    void stops_a_variable_doubled_in_a_loop_at_the_limit_on_built_strings() {
        TemplateException e = refusal("{{$x := \"AAAAAAAA\"}}{{range 100}}{{$x = printf \"%s%s\" $x $x}}{{end}}");

        assertThat(e.getMessage()).startsWith("template: :1:")
                .endsWith("template functions build more than 10485760 bytes of strings (jobdrop.limits.template-output-bytes)");
    }

    @Test
    void stops_printf_padding_many_verbs_while_it_formats() {
        // 5,000 verbs of a million characters each would be 10 GB if printf only checked its result
        String call = "printf \"" + "%1000000d".repeat(5000) + "\"" + " 1".repeat(5000);
        TemplateException e = refusal("{{" + call + "}}");

        assertThat(e.getMessage()).isEqualTo("template: :1:2: executing \"\" at <" + call
                + ">: template functions build more than 10485760 bytes of strings (jobdrop.limits.template-output-bytes)");
    }

    @Test
    void ignores_a_printf_width_above_a_million_as_go_does() {
        // Go's parsenum gives up on a width over 1e6 and skips to the end of the format: no verb, an extra argument
        String out = assertTimeoutPreemptively(HANG_GUARD, () -> GoTemplate.render("{{printf \"%999999999d\" 1}}", Map.of()));

        assertThat(out).isEqualTo("%!(NOVERB)%!(EXTRA int=1)");
    }

    @Test
    void stops_templates_that_each_call_the_next_twice_at_the_step_limit() {
        StringBuilder chain = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            chain.append("{{define \"t").append(i).append("\"}}{{template \"t").append(i + 1).append("\"}}{{template \"t")
                    .append(i + 1).append("\"}}{{end}}");
        }
        chain.append("{{define \"t40\"}}x{{end}}{{template \"t0\"}}");
        TemplateException e = refusal(chain.toString());

        assertThat(e.getMessage()).startsWith("template: :1:")
                .endsWith("template execution exceeds 10000000 steps (jobdrop.limits.template-steps)");
    }

    @Test
    void stops_a_self_calling_template_at_gos_depth_limit() {
        TemplateException e = refusal("{{define \"x\"}}{{template \"x\"}}{{end}}{{template \"x\"}}");

        assertThat(e.getMessage()).endsWith("exceeded maximum template depth (" + Executor.MAX_EXEC_DEPTH + ")");
    }

    @Test
    void refuses_a_huge_exponent_as_go_does() {
        TemplateException e = refusal("{{1e999999999}}");

        assertThat(e.bacalhauMessage()).isEqualTo("failed to parse template: template: :1: illegal number syntax: \"1e999999999\"");
    }

    @Test
    void refuses_a_template_of_more_tokens_than_the_limit_while_parsing() {
        // ten megabytes of {{1}} would take some 800 MB of parse tree and half a minute
        TemplateException e = refusal("a: 1\n" + "{{1}}".repeat(2_000_000));

        assertThat(e.bacalhauMessage()).isEqualTo(
                "failed to parse template: template: :2: template has more than 400000 tokens (jobdrop.limits.template-tokens)");
        assertThat(e.position().line()).isEqualTo(2);
    }

    @Test
    void limits_are_settings_a_small_budget_is_enforced() {
        TemplateException e = refusal("{{range 20}}ab{{end}}", new TemplateLimits(16, 1000, 1000));

        assertThat(e.getMessage()).endsWith("template output exceeds 16 bytes (jobdrop.limits.template-output-bytes)");
        assertThat(refusal("{{range 20}}{{end}}", new TemplateLimits(1000, 10, 1000)).getMessage())
                .endsWith("template execution exceeds 10 steps (jobdrop.limits.template-steps)");
    }
}
