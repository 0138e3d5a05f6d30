package io.jobdrop.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobdrop.spec.JobJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** `jobdrop validate`: verdicts, exit codes and the one-object-per-line JSON contract. */
class ValidateCommandTest {

    @TempDir
    Path dir;

    record Run(int exitCode, String out, String err) {
        List<String> lines() {
            return out.lines().toList();
        }
    }

    static Run validate(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Jobdrop.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        String[] all = new String[args.length + 1];
        all[0] = "validate";
        System.arraycopy(args, 0, all, 1, args.length);
        return new Run(cli.execute(all), out.toString(), err.toString());
    }

    Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    static final String GOOD = """
            Name: good
            Type: batch
            Tasks:
              - Name: main
                Engine:
                  Type: docker
                  Params: {Image: ubuntu}
            """;

    @Test
    void exits_zero_when_every_file_is_accepted() throws IOException {
        Run run = validate(file("a.yaml", GOOD).toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith(dir.resolve("a.yaml") + ": accepted (1 job: good)");
    }

    @Test
    void exits_one_and_names_line_column_path_and_bacalhaus_words_when_a_file_is_rejected() throws IOException {
        Path bad = file("bad.yaml", GOOD.replace("Params: {Image: ubuntu}", "Params: {Image: ubuntu}\n    Resources:\n      CPU: 2 CPU"));
        Run run = validate(file("a.yaml", GOOD).toString(), bad.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains(bad + ": rejected")
                .contains("error 9:12 Tasks[0].Resources.CPU: task main validation failed: invalid resources: invalid CPU value: 2cpu");
    }

    @Test
    void prints_exactly_one_json_object_per_file_per_line() throws IOException {
        Path bad = file("bad.yaml", "Name: x\nType: Batch\nTasks: []\n");
        Run run = validate("--json", file("a.yaml", GOOD).toString(), bad.toString());

        assertThat(run.lines()).hasSize(2);
        JsonNode accepted = JobJson.mapper().readTree(run.lines().get(0));
        JsonNode rejected = JobJson.mapper().readTree(run.lines().get(1));
        assertThat(accepted.get("verdict").asText()).isEqualTo("accepted");
        assertThat(accepted.at("/jobs/0/Name").asText()).isEqualTo("good");
        assertThat(accepted.at("/jobs/0/Version").asInt()).isEqualTo(1);
        assertThat(accepted.at("/jobs/0/ID").asText()).startsWith("j-");
        assertThat(rejected.get("verdict").asText()).isEqualTo("rejected");
        assertThat(rejected.get("errors")).extracting(e -> e.get("message").asText())
                .containsExactly("invalid job type: \"Batch\"", "missing job tasks");
        assertThat(rejected.at("/errors/0/path").asText()).isEqualTo("Type");
        assertThat(rejected.at("/errors/0/line").asInt()).isEqualTo(2);
        assertThat(rejected.at("/errors/0/column").asInt()).isEqualTo(7);
        assertThat(rejected.get("jobs")).isEmpty();
    }

    @Test
    void reports_a_missing_file_as_rejected_not_as_a_crash() {
        Run run = validate("--json", dir.resolve("nope.yaml").toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("\"verdict\":\"rejected\"").contains("no such file");
    }

    @Test
    void exits_two_on_usage_errors() {
        assertThat(validate().exitCode()).isEqualTo(2);
        assertThat(validate("--bogus", "x.yaml").exitCode()).isEqualTo(2);
    }

    @Test
    void renders_templates_with_var_flags_and_can_skip_templating() throws IOException {
        Path template = file("t.yaml", GOOD.replace("Name: good", "Name: greet-{{.who}}"));

        assertThat(validate(template.toString()).out()).contains("map has no entry for key \"who\"");
        assertThat(validate("--var", "who=bob", template.toString()).out()).contains("accepted (1 job: greet-bob)");
        assertThat(validate("--no-template", template.toString()).out()).contains("accepted (1 job: greet-{{.who}})");
    }

    @Test
    void says_an_empty_file_has_no_content_in_bacalhaus_words() throws IOException {
        assertThat(validate(file("empty.yaml", "").toString()).out())
                .contains("the job provided is invalid: no content provided");
    }
}
