package io.jobdrop.spec.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What templates render to; every expectation was produced by Go's text/template with missingkey=error. */
class GoTemplateRenderingTest {

    static final Map<String, String> VARS = Map.of("key", "value", "empty", "", "dash-key", "dk");

    static String render(String template) throws TemplateException {
        return GoTemplate.render(template, VARS);
    }

    @Test
    void substitutes_a_placeholder_as_bacalhaus_parser_test_does() throws Exception {
        assertThat(GoTemplate.render("This is a {{.key}}", Map.of("key", "value"))).isEqualTo("This is a value");
    }

    @Test
    void returns_text_without_a_left_delimiter_as_the_same_string() throws Exception {
        String text = "echo $((1 + 2)) } }} {";
        assertThat(GoTemplate.render(text, Map.of())).isSameAs(text);
    }

    @Test
    void trim_markers_remove_white_space_and_newlines_on_their_side() throws Exception {
        assertThat(render("a  \n  {{- .key -}}  \n  b")).isEqualTo("avalueb");
        assertThat(render("a {{- /* note */ -}} b")).isEqualTo("ab");
    }

    @Test
    void minus_without_a_space_is_a_negative_number_not_a_trim_marker() throws Exception {
        assertThat(render("x {{-3}}")).isEqualTo("x -3");
    }

    @Test
    void comments_produce_nothing_even_across_lines() throws Exception {
        assertThat(render("{{/* a\nmulti-line comment */}}x")).isEqualTo("x");
    }

    @Test
    void literal_braces_are_escaped_with_a_string_action() throws Exception {
        assertThat(render("{{\"{{\"}}.key}}")).isEqualTo("{{.key}}");
        assertThat(render("{{`{{.key}}`}}")).isEqualTo("{{.key}}");
    }

    @Test
    void or_over_index_gives_a_default_for_a_missing_variable() throws Exception {
        assertThat(render("{{ or (index . \"missing\") \"default\" }}|{{ or (index . \"key\") \"default\" }}"))
                .isEqualTo("default|value");
    }

    @Test
    void index_reads_keys_that_are_not_identifiers() throws Exception {
        assertThat(render("{{ index . \"dash-key\" }}")).isEqualTo("dk");
    }

    @Test
    void printf_formats_go_verbs() throws Exception {
        assertThat(render("{{printf \"%s=%d %v %q %%\" .key 42 true \"a\\tb\"}}")).isEqualTo("value=42 true \"a\\tb\" %");
        assertThat(render("{{printf \"%5s|%-5s|%05d|%x|%.2f\" \"ab\" \"cd\" 42 255 3.14159}}"))
                .isEqualTo("   ab|cd   |00042|ff|3.14");
    }

    @Test
    void printf_notes_wrong_missing_and_extra_arguments_in_the_output() throws Exception {
        assertThat(render("{{printf \"%d\" .key}}")).isEqualTo("%!d(string=value)");
        assertThat(render("{{printf \"%d %s\" 1}}")).isEqualTo("1 %!s(MISSING)");
        assertThat(render("{{printf \"%s\" \"a\" \"b\"}}")).isEqualTo("a%!(EXTRA string=b)");
    }

    @Test
    void floats_print_in_gos_shortest_form() throws Exception {
        assertThat(render("{{printf \"%v %v %v %v\" 1.5 1e6 1e21 0.0001}}")).isEqualTo("1.5 1e+06 1e+21 0.0001");
    }

    @Test
    void constants_take_their_type_from_their_spelling() throws Exception {
        assertThat(render("{{'a'}} {{0x1F}} {{1e3}} {{1_000}} {{-3}} {{1.5}} {{1+2i}}"))
                .isEqualTo("97 31 1000 1000 -3 1.5 (1+2i)");
    }

    @Test
    void string_literals_understand_go_escapes() throws Exception {
        assertThat(render("{{\"\\x41\\101\\u00e9\"}}")).isEqualTo("AAé");
    }

    @Test
    void if_else_if_else_picks_the_first_true_branch() throws Exception {
        assertThat(render("{{if .key}}set{{else}}unset{{end}} {{if .empty}}set{{else if .key}}else-if{{else}}unset{{end}}"))
                .isEqualTo("set else-if");
    }

    @Test
    void with_moves_dot_and_skips_empty_values() throws Exception {
        assertThat(render("{{with .key}}[{{.}}]{{end}}{{with .empty}}[{{.}}]{{else}}none{{end}}"))
                .isEqualTo("[value]none");
    }

    @Test
    void range_over_the_data_visits_keys_in_sorted_order() throws Exception {
        assertThat(render("{{range $k, $v := .}}{{$k}}={{$v}};{{end}}")).isEqualTo("dash-key=dk;empty=;key=value;");
        assertThat(render("{{range .}}{{.}},{{else}}empty{{end}}")).isEqualTo("dk,,value,");
    }

    @Test
    void else_with_tries_a_second_value_as_go_1_23_does() throws Exception {
        assertThat(render("{{with .empty}}a{{else with .key}}[{{.}}]{{end}}")).isEqualTo("[value]");
    }

    @Test
    void range_over_a_list_gives_index_and_element() throws Exception {
        assertThat(GoTemplate.renderData("{{range $i, $e := .}}{{$i}}:{{$e}} {{end}}", List.of("a", "b")))
                .isEqualTo("0:a 1:b ");
        assertThat(GoTemplate.renderData("{{range .}}x{{else}}none{{end}}", List.of())).isEqualTo("none");
    }

    @Test
    void range_over_an_integer_counts_from_zero_as_go_1_24_does() throws Exception {
        assertThat(render("{{range 3}}{{.}}{{end}}")).isEqualTo("012");
    }

    @Test
    void break_and_continue_leave_or_skip_a_range_iteration() throws Exception {
        assertThat(render("{{range $i, $e := .}}{{if eq $i \"key\"}}{{break}}{{end}}{{$i}} {{end}}"))
                .isEqualTo("dash-key empty ");
        assertThat(render("{{range $i, $e := .}}{{if eq $i \"empty\"}}{{continue}}{{end}}{{$i}} {{end}}"))
                .isEqualTo("dash-key key ");
    }

    @Test
    void nested_parentheses_evaluate_inside_out() throws Exception {
        assertThat(render("{{ (printf \"<%s>\" (printf \"(%s)\" (index . \"key\"))) }}")).isEqualTo("<(value)>");
    }

    @Test
    void pipes_pass_the_value_as_the_last_argument() throws Exception {
        assertThat(render("{{ .key | printf \"%s!\" | printf \"<%s>\" }}")).isEqualTo("<value!>");
        assertThat(render("{{ .key | len | printf \"%03d\" }}")).isEqualTo("005");
    }

    @Test
    void variables_are_declared_assigned_and_scoped_to_their_block() throws Exception {
        assertThat(render("{{$x := \"a\"}}{{$x}}{{$x = \"b\"}}{{$x}}{{if true}}{{$x := \"c\"}}{{$x}}{{end}}{{$x}}"))
                .isEqualTo("abcb");
    }

    @Test
    void len_index_and_slice_count_utf8_bytes() throws Exception {
        assertThat(render("{{len .key}} {{len \"héllo\"}} {{len .}}")).isEqualTo("5 6 3");
        assertThat(render("{{index \"abc\" 1}} {{slice \"abcdef\" 1 3}} {{slice .key 2}}")).isEqualTo("98 bc lue");
    }

    @Test
    void comparisons_and_boolean_functions_follow_go() throws Exception {
        assertThat(render("{{eq .key \"value\"}} {{eq 1 2 1}} {{ne 1 2}} {{lt 1 2}} {{le 2 2}} {{gt \"b\" \"a\"}} {{ge 1 2}}"))
                .isEqualTo("true true true true true true false");
        assertThat(render("{{and 1 0 2}} {{and 1 2}} {{or 0 \"\" \"x\"}} {{not 0}} {{not \"a\"}}"))
                .isEqualTo("0 2 x true false");
    }

    @Test
    void escapers_quote_for_html_javascript_and_urls() throws Exception {
        assertThat(render("{{html \"<a href='x'>&\\\"</a>\"}}")).isEqualTo("&lt;a href=&#39;x&#39;&gt;&amp;&#34;&lt;/a&gt;");
        assertThat(render("{{js \"it's <b>=\\\"q\\\"\"}}")).isEqualTo("it\\'s \\u003Cb\\u003E\\u003D\\\"q\\\"");
        assertThat(render("{{urlquery \"a b&c=d/é\"}}")).isEqualTo("a+b%26c%3Dd%2F%C3%A9");
    }

    @Test
    void print_spaces_operands_unless_one_is_a_string() throws Exception {
        assertThat(render("{{print 1 2 \"a\" \"b\" 3 nil}}|{{println 1 \"a\"}}|")).isEqualTo("1 2ab3 <nil>|1 a\n|");
    }

    @Test
    void dot_prints_the_whole_data_as_a_go_map() throws Exception {
        assertThat(render("{{.}}")).isEqualTo("map[dash-key:dk empty: key:value]");
    }

    @Test
    void define_template_and_block_reuse_a_named_template() throws Exception {
        assertThat(render("{{define \"T\"}}[{{.}}]{{end}}{{template \"T\" .key}}{{block \"B\" \"blk\"}}<{{.}}>{{end}}"))
                .isEqualTo("[value]<blk>");
    }

    @Test
    void null_values_render_as_empty_strings() throws Exception {
        Map<String, String> vars = new java.util.HashMap<>();
        vars.put("k", null);
        assertThat(GoTemplate.render("[{{.k}}]", vars)).isEqualTo("[]");
    }
}
