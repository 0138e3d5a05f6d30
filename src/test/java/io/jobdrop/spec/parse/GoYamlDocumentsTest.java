package io.jobdrop.spec.parse;

import io.jobdrop.spec.SourcePosition;
import io.jobdrop.testing.NeedsCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GoYamlDocumentsTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "# only a comment\n", "\n\n   \n", "---\n", "--- # nothing\n...\n"})
    void gives_one_empty_document_for_a_text_without_content(String text) throws Exception {
        List<YamlDocument> docs = GoYaml.load(text);

        assertThat(docs).hasSize(1);
        assertThat(docs.get(0).root()).isNull();
    }

    @Test
    void returns_every_document_with_where_it_starts() throws Exception {
        List<YamlDocument> docs = GoYaml.load("Name: a\n---\n---\n# c\nName: b\n");

        assertThat(docs).hasSize(3);
        assertThat(docs.get(0).start()).isEqualTo(new SourcePosition(1, 1));
        assertThat(docs.get(1).root()).isNull();
        assertThat(docs.get(1).start()).isEqualTo(new SourcePosition(2, 1));
        assertThat(docs.get(2).start()).isEqualTo(new SourcePosition(3, 1));
        assertThat(((YamlMap) docs.get(2).root()).entries().get(0).keyPosition()).isEqualTo(new SourcePosition(5, 1));
    }

    @Test
    void gives_each_node_its_one_based_line_and_column() throws Exception {
        YamlMap root = (YamlMap) GoYaml.load("# job\nName: x\nTasks:\n  - Name: main\n    Env: {A: 'b'}\n").get(0).root();

        YamlMap.Entry tasks = root.entries().get(1);
        YamlSeq seq = (YamlSeq) tasks.value();
        YamlMap task = (YamlMap) seq.items().get(0);
        YamlMap env = (YamlMap) task.entries().get(1).value();

        assertThat(root.position()).isEqualTo(new SourcePosition(2, 1));
        assertThat(tasks.keyPosition()).isEqualTo(new SourcePosition(3, 1));
        assertThat(seq.position()).isEqualTo(new SourcePosition(4, 3));
        assertThat(task.position()).isEqualTo(new SourcePosition(4, 5));
        assertThat(env.position()).isEqualTo(new SourcePosition(5, 10));
        assertThat(env.entries().get(0).keyPosition()).isEqualTo(new SourcePosition(5, 11));
        assertThat(env.entries().get(0).value().position()).isEqualTo(new SourcePosition(5, 14));
    }

    @Test
    void keeps_the_last_of_duplicate_keys_at_its_own_place() throws Exception {
        YamlMap root = (YamlMap) GoYaml.load("Name: a\nType: batch\nName: b\nname: c\n").get(0).root();

        assertThat(root.entries()).extracting(YamlMap.Entry::key).containsExactly("Type", "Name", "name");
        assertThat(((YamlScalar) root.entries().get(1).value()).value()).isEqualTo("b");
        assertThat(root.entries().get(1).keyPosition().line()).isEqualTo(3);
    }

    @Test
    void turns_keys_into_the_strings_sigs_yaml_makes_of_them() throws Exception {
        YamlMap root = (YamlMap) GoYaml.load("1: a\n0x10: b\ntrue: c\nyes: d\n1.5: e\n0.1: f\n1e7: g\n.inf: h\n-.inf: i\n"
                + ".nan: j\n'1': k\n2024-01-01: l\n").get(0).root();

        assertThat(root.entries()).extracting(YamlMap.Entry::key)
                .containsExactly("16", "true", "1.5", "0.1", "1e+07", ".inf", "-.inf", ".nan", "1", "2024-01-01");
    }

    @Test
    void expands_anchors_aliases_and_merge_keys_like_go_yaml_v2() throws Exception {
        YamlMap root = (YamlMap) GoYaml.load("""
                base: &base {Image: ubuntu, Workdir: /w}
                before: {<<: *base, Image: alpine}
                after: {Image: alpine, <<: *base}
                list: {<<: [{A: 1}, {A: 2, B: 2}]}
                again: *base
                """).get(0).root();

        assertThat(render(root.entries().get(1).value())).isEqualTo("{Workdir=/w, Image=alpine}");
        // go-yaml v2 writes merged entries where << stands, so a key before it is overridden
        assertThat(render(root.entries().get(2).value())).isEqualTo("{Image=ubuntu, Workdir=/w}");
        assertThat(render(root.entries().get(3).value())).isEqualTo("{B=2, A=1}");
        assertThat(render(root.entries().get(4).value())).isEqualTo("{Image=ubuntu, Workdir=/w}");
        assertThat(root.entries().get(4).value().position()).isEqualTo(new SourcePosition(1, 7));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a: {<<: 1}", "a: {<<: [1]}", "s: &s [{x: 1}]\na: {<<: *s}"})
    void rejects_a_merge_of_something_other_than_maps(String yaml) {
        assertThatThrownBy(() -> GoYaml.load(yaml))
                .hasMessage("converting yaml to json: yaml: map merge requires map or sequence of maps as the value");
    }

    @NeedsCorpus
    @Test
    void gives_the_corpus_collection_key_exactly_the_cli_message() {
        String text = Decoding.corpusText("docs-main__docs__cli__job__run.md__L305.yaml");

        assertThatThrownBy(() -> GoYaml.load(text))
                .isInstanceOf(YamlSyntaxException.class)
                .hasMessage("converting yaml to json: yaml: invalid map key: map[interface {}]interface {}{\".query\":interface {}(nil)}")
                .extracting(e -> ((YamlSyntaxException) e).position()).isEqualTo(new SourcePosition(11, 15));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "? [a, 1]\\n: x | []interface {}{\"a\", 1}",
            "{b: 1.5, a: [yes, ~]}: x | map[interface {}]interface {}{\"a\":[]interface {}{true, interface {}(nil)}, \"b\":1.5}",
            "? {2: b, 1: a, 0.5: c}\\n: z | map[interface {}]interface {}{1:\"a\", 2:\"b\", 0.5:\"c\"}"})
    void prints_a_collection_key_with_go_syntax(String yaml, String printed) {
        assertThatThrownBy(() -> GoYaml.load(yaml.replace("\\n", "\n")))
                .hasMessage("converting yaml to json: yaml: invalid map key: " + printed);
    }

    @Test
    void rejects_keys_json_cannot_have_as_sigs_yaml_does() {
        assertThatThrownBy(() -> GoYaml.load("~: x"))
                .hasMessage("converting yaml to json: unsupported map key of type: %!s(<nil>), key: <nil>, value: \"x\"");
        assertThatThrownBy(() -> GoYaml.load("a:\n  18446744073709551615: [1]"))
                .hasMessage("converting yaml to json: unsupported map key of type: uint64, key: 0xffffffffffffffff, "
                        + "value: []interface {}{1}");
    }

    @Test
    void lets_a_go_yaml_error_anywhere_win_over_a_key_json_cannot_have() {
        assertThatThrownBy(() -> GoYaml.load("~: x\nb: {[1]: 2}"))
                .hasMessage("converting yaml to json: yaml: invalid map key: []interface {}{1}");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "a: b: c|mapping values are not allowed in this context|1|5",
            "x: 1\\na: b: c|line 2: mapping values are not allowed in this context|2|5",
            "a:\\n  - b\\n c: d|line 2: did not find expected key|3|2",
            "- a\\n- b\\nc: d|line 2: did not find expected '-' indicator|3|1",
            "a: [1, 2|did not find expected ',' or ']'|1|9",
            "x: 1\\na: {b: 1|line 1: did not find expected ',' or '}'|2|9",
            "a: @x|found character that cannot start any token|1|4",
            "x: 1\\n\\ta: 1|line 2: found character that cannot start any token|2|1",
            "x: 1\\ny: \"\\q\"|line 2: found unknown escape character|2|6",
            "x: 1\\ny: 'abc|line 2: found unexpected end of stream|2|8"})
    void words_syntax_errors_as_go_yaml_with_its_line_numbering(String yaml, String message, int line, int column) {
        assertThatThrownBy(() -> GoYaml.load(yaml.replace("\\n", "\n").replace("\\t", "\t")))
                .isInstanceOf(YamlSyntaxException.class)
                .hasMessage("converting yaml to json: yaml: " + message)
                .extracting(e -> ((YamlSyntaxException) e).position()).isEqualTo(new SourcePosition(line, column));
    }

    @Test
    void reports_unknown_and_self_containing_anchors() {
        assertThatThrownBy(() -> GoYaml.load("a: 1\nb: *nope"))
                .hasMessage("converting yaml to json: yaml: unknown anchor 'nope' referenced")
                .extracting(e -> ((YamlSyntaxException) e).position()).isEqualTo(new SourcePosition(2, 4));
        assertThatThrownBy(() -> GoYaml.load("a: &loop [1, *loop]"))
                .hasMessage("converting yaml to json: yaml: anchor 'loop' value contains itself");
    }

    @Test
    void rejects_a_billion_laughs_alias_bomb() {
        StringBuilder bomb = new StringBuilder("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (char level = 'b'; level <= 'i'; level++) {
            char previous = (char) (level - 1);
            bomb.append(level).append(": &").append(level).append(" [");
            bomb.append(String.join(", ", java.util.Collections.nCopies(9, "*" + previous))).append("]\n");
        }

        assertThatThrownBy(() -> GoYaml.load(bomb.toString()))
                .isInstanceOf(YamlSyntaxException.class)
                .hasMessage("converting yaml to json: yaml: document contains excessive aliasing (more than 50 aliases"
                        + " of mappings or sequences)")
                .extracting(e -> ((YamlSyntaxException) e).position().line()).isEqualTo(7);
    }

    @Test
    void rejects_a_narrow_alias_bomb_within_the_alias_count_cap() {
        StringBuilder bomb = new StringBuilder("l0: &l0 [x, x]\n");
        for (int level = 1; level <= 24; level++) {
            bomb.append("l").append(level).append(": &l").append(level)
                    .append(" [*l").append(level - 1).append(", *l").append(level - 1).append("]\n");
        }

        assertThatThrownBy(() -> GoYaml.load(bomb.toString()))
                .hasMessage("converting yaml to json: yaml: document contains excessive aliasing");
    }

    @Test
    void refuses_nesting_deeper_than_the_limit_in_go_yamls_words() {
        String deep = "a: " + "[".repeat(101) + "]".repeat(101);

        assertThatThrownBy(() -> GoYaml.load(deep, new YamlLimits(1000, 100, 400_000, 1 << 20)))
                .hasMessage("converting yaml to json: yaml: line 1: exceeded max depth of 100 (jobdrop.limits.depth)");
    }

    @Test
    void accepts_a_document_that_reuses_anchors_moderately() throws Exception {
        StringBuilder yaml = new StringBuilder("defaults: &d {CPU: 1, Memory: 1Gb}\ntasks:\n");
        for (int i = 0; i < 40; i++) {
            yaml.append("  - {Resources: *d, Name: t").append(i).append("}\n");
        }

        YamlMap root = (YamlMap) GoYaml.load(yaml.toString()).get(0).root();

        assertThat(((YamlSeq) root.entries().get(1).value()).items()).hasSize(40);
    }

    @Test
    void refuses_a_text_larger_than_bacalhaus_limit() {
        String big = "a: \"" + "x".repeat(GoYaml.MAX_BYTES) + "\"";

        assertThatThrownBy(() -> GoYaml.load(big))
                .hasMessage("size of bytes to unmarshal (" + (GoYaml.MAX_BYTES + 5) + ") larger than maximum allowed ("
                        + GoYaml.MAX_BYTES + ")");
    }

    @Test
    void refuses_control_characters() {
        assertThatThrownBy(() -> GoYaml.load("a: 1\r\nb: x\u0001"))
                .hasMessage("converting yaml to json: yaml: control characters are not allowed")
                .extracting(e -> ((YamlSyntaxException) e).position()).isEqualTo(new SourcePosition(2, 5));
    }

    @Test
    void skips_a_byte_order_mark() throws Exception {
        YamlMap root = (YamlMap) GoYaml.load("\uFEFFName: x\n").get(0).root();

        assertThat(root.entries().get(0).key()).isEqualTo("Name");
    }

    @Test
    void reads_json_as_yaml() throws Exception {
        YamlMap root = (YamlMap) GoYaml.load("{\"Name\": \"x\", \"Count\": 2, \"Meta\": {\"a\": null}, \"T\": [true, 1.5e3]}")
                .get(0).root();

        assertThat(render(root)).isEqualTo("{Name=x, Count=2, Meta={a=null}, T=[true, 1500.0]}");
    }

    private static String render(YamlNode node) {
        if (node instanceof YamlScalar s) {
            return String.valueOf(s.value());
        }
        if (node instanceof YamlSeq q) {
            return q.items().stream().map(GoYamlDocumentsTest::render).toList().toString();
        }
        StringBuilder out = new StringBuilder("{");
        for (YamlMap.Entry e : ((YamlMap) node).entries()) {
            out.append(out.length() > 1 ? ", " : "").append(e.key()).append('=').append(render(e.value()));
        }
        return out.append('}').toString();
    }
}
