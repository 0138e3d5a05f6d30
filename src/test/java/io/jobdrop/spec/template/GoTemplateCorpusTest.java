package io.jobdrop.spec.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jobdrop.spec.SourcePosition;
import io.jobdrop.testing.Corpus;
import io.jobdrop.testing.NeedsCorpus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The corpus files that `bacalhau job run` templates, checked against expected.tsv's template rows. */
@NeedsCorpus
class GoTemplateCorpusTest {

    /** The variables named in expected.tsv's header. */
    static final Map<String, String> HEADER_VARS = Map.of(
            "query", "SELECT count(*) FROM logs",
            "greeting", "hello",
            "name", "world",
            "AccessLogBucket", "logs-bucket",
            "AccessLogPrefix", "access/",
            "AWSRegion", "us-east-1",
            "OpenSearchEndpoint", "http://opensearch:9200");

    static Path corpus() {
        return Corpus.dir();
    }

    static String read(String file) throws IOException {
        return Files.readString(corpus().resolve(file), StandardCharsets.UTF_8);
    }

    /** expected.tsv rows whose stage is "template": file name and message fragment. */
    static Stream<Arguments> templateRows() throws IOException {
        List<Arguments> rows = new ArrayList<>();
        for (String line : Files.readAllLines(corpus().resolve("expected.tsv"), StandardCharsets.UTF_8)) {
            String[] cols = line.split("\t", -1);
            if (!line.startsWith("#") && cols.length > 3 && cols[2].equals("template")) {
                rows.add(Arguments.of(cols[0], cols[3], cols[4]));
            }
        }
        return rows.stream();
    }

    @Test
    void corpus_has_the_five_template_rows() throws IOException {
        assertThat(templateRows()).hasSize(5);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templateRows")
    void template_row_fails_without_vars_with_bacalhaus_exact_message(String file, String fragment, String withVars)
            throws IOException {
        String text = read(file);
        assertThatThrownBy(() -> GoTemplate.render(text, Map.of()))
                .isInstanceOfSatisfying(TemplateException.class,
                        e -> assertThat(e.bacalhauMessage()).isEqualTo(fragment));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templateRows")
    void template_row_renders_with_the_header_vars(String file, String fragment, String withVars) throws Exception {
        String text = read(file);
        String rendered = GoTemplate.render(text, HEADER_VARS);
        assertThat(withVars).isEqualTo("accepted");
        assertThat(rendered).doesNotContain("{{").doesNotContain("}}");
        Matcher placeholder = Pattern.compile("\\{\\{\\.(\\w+)}}").matcher(text);
        List<String> used = new ArrayList<>();
        while (placeholder.find()) {
            used.add(placeholder.group(1));
            assertThat(rendered).contains(HEADER_VARS.get(placeholder.group(1)));
        }
        assertThat(used).isNotEmpty();
    }

    @Test
    void gitbook_run_example_fails_at_line_11_column_14() throws IOException {
        String text = read("docs-gitbook-v2__cli-api__cli__job__run.md__L299.yaml");
        assertThatThrownBy(() -> GoTemplate.render(text, Map.of()))
                .isInstanceOfSatisfying(TemplateException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo(
                            "template: :11:14: executing \"\" at <.query>: map has no entry for key \"query\"");
                    assertThat(e.position()).isEqualTo(new SourcePosition(11, 15));
                });
    }

    @Test
    void docs_run_example_fails_at_line_14_column_19() throws IOException {
        String text = read("docs-main__docs__cli__job__run.md__L240.yaml");
        assertThatThrownBy(() -> GoTemplate.render(text, Map.of()))
                .isInstanceOfSatisfying(TemplateException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo(
                            "template: :14:19: executing \"\" at <.greeting>: map has no entry for key \"greeting\"");
                    assertThat(e.position()).isEqualTo(new SourcePosition(14, 20));
                });
    }

    @Test
    void type_md_examples_fail_at_lines_75_and_74() throws IOException {
        String ops = read("docs-main__docs__specifications__job__type.md__L230.yaml");
        String daemon = read("docs-main__docs__specifications__job__type.md__L423.yaml");
        assertThatThrownBy(() -> GoTemplate.render(ops, Map.of())).hasMessageStartingWith("template: :75:14: ");
        assertThatThrownBy(() -> GoTemplate.render(daemon, Map.of())).hasMessageStartingWith("template: :74:14: ");
    }

    @Test
    void docs_run_example_substitutes_greeting_and_name() throws Exception {
        String rendered = GoTemplate.render(read("docs-main__docs__cli__job__run.md__L240.yaml"), HEADER_VARS);
        assertThat(rendered).contains("          - echo hello world\n");
    }

    @Test
    void optional_variables_fall_back_to_their_defaults() throws Exception {
        String rendered = GoTemplate.render(read("docs-gitbook-v2__cli-api__cli__job__run.md__L299.yaml"), HEADER_VARS);
        assertThat(rendered).contains("          - --start-time\n          - \n          - --end-time\n");
    }

    @Test
    void daemon_example_substitutes_every_placeholder() throws Exception {
        String rendered = GoTemplate.render(read("docs-main__docs__specifications__job__type.md__L423.yaml"), HEADER_VARS);
        assertThat(rendered).contains(
                "- OPENSEARCH_ENDPOINT=http://opensearch:9200", "- S3_BUCKET=logs-bucket", "- AWS_REGION=us-east-1");
    }

    @Test
    void s3_example_takes_the_default_filter_and_the_given_prefix() throws Exception {
        String rendered = GoTemplate.render(read("docs-gitbook-v2__cli-api__cli__job__run.md__L335.yaml"), HEADER_VARS);
        assertThat(rendered).contains("Key: access/", "Filter: .*", "Bucket: logs-bucket", "Region: us-east-1");
    }

    @Test
    void mangled_braces_are_not_an_action_and_stay_unchanged() throws Exception {
        String text = read("docs-main__docs__cli__job__run.md__L305.yaml");
        assertThat(text).contains("{ { .query } }");
        assertThat(GoTemplate.render(text, Map.of())).isEqualTo(text);
    }

    @Test
    void shell_arithmetic_without_braces_comes_back_as_the_same_string() throws Exception {
        String text = read("bacalhau-main__test_integration__common_assets__job_specs__log_emitter.yml");
        assertThat(text).contains("$((");
        assertThat(GoTemplate.render(text, Map.of())).isSameAs(text);
    }

    @Test
    void every_corpus_file_without_an_action_renders_unchanged() throws Exception {
        List<Path> files;
        try (Stream<Path> listing = Files.list(corpus())) {
            files = listing.filter(p -> p.toString().matches(".*\\.(ya?ml|json)$")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(50);
        for (Path file : files) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            if (!text.contains("{{")) {
                assertThat(GoTemplate.render(text, Map.of())).as(file.getFileName().toString()).isEqualTo(text);
            }
        }
    }
}
