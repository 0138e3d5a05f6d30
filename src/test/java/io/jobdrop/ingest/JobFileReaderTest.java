package io.jobdrop.ingest;

import io.jobdrop.spec.Job;
import io.jobdrop.spec.JobJson;
import io.jobdrop.spec.Problem;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The reader's own rules: documents, API bodies, the file as the unit, placement of errors. */
class JobFileReaderTest {

    static final String JOB = """
            Name: %s
            Type: batch
            Tasks:
              - Name: main
                Engine: {Type: docker, Params: {Image: ubuntu}}
            """;

    static FileVerdict read(String text) {
        return JobFileReaderCorpusTest.reader(Map.of()).read("f.yaml", text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void reads_one_job_per_yaml_document() {
        FileVerdict verdict = read(JOB.formatted("a") + "---\n" + JOB.formatted("b"));

        assertThat(verdict.accepted()).isTrue();
        assertThat(verdict.jobs()).extracting(j -> j.job().name).containsExactly("a", "b");
    }

    @Test
    void rejects_the_whole_file_when_one_document_is_bad_and_points_at_its_line() {
        FileVerdict verdict = read(JOB.formatted("a") + "---\n" + JOB.formatted("b").replace("batch", "Batch"));

        assertThat(verdict.accepted()).isFalse();
        assertThat(verdict.jobs()).isEmpty();
        assertThat(verdict.errors()).singleElement().satisfies(e -> {
            assertThat(e.message()).isEqualTo("invalid job type: \"Batch\"");
            assertThat(e.line()).isEqualTo(8);
        });
    }

    @Test
    void ignores_stray_document_separators_around_jobs() {
        assertThat(read("---\n" + JOB.formatted("a") + "---\n").jobs()).hasSize(1);
    }

    @Test
    void calls_a_file_of_only_comments_an_empty_job() {
        assertThat(read("# nothing here\n").errors()).extracting(Problem::message).containsExactly("empty/nil job");
    }

    @Test
    void unwraps_an_api_body_with_a_warning_and_drops_server_fields_with_bacalhaus_warnings() {
        FileVerdict verdict = read("""
                {"Job": {"ID": "j-old", "Name": "wrapped", "Type": "batch", "Version": 3,
                 "Tasks": [{"Name": "main", "Engine": {"Type": "docker"}}]}}
                """);

        assertThat(verdict.accepted()).isTrue();
        assertThat(verdict.jobs().get(0).job().id).isNotEqualTo("j-old");
        assertThat(verdict.warnings()).extracting(Problem::message).containsSubsequence(
                "job version is ignored when submitting a job", "job ID is ignored when submitting a batch job");
        assertThat(verdict.warnings().get(verdict.warnings().size() - 1).message()).contains("API request body");
    }

    @Test
    void reports_every_error_of_a_job_at_once_each_with_its_path_and_line() {
        FileVerdict verdict = read("""
                Name: many
                Type: batch
                Count: -1
                Tasks:
                  - Name: main
                    Engine: {Type: docker}
                    Env: {lower: x}
                    Resources: {CPU: lots, Memory: 1 gigabyte}
                """);

        assertThat(verdict.errors()).extracting(Problem::path, Problem::line).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Count", 3),
                org.assertj.core.groups.Tuple.tuple("Tasks[0].Env.lower", 7),
                org.assertj.core.groups.Tuple.tuple("Tasks[0].Resources.CPU", 8),
                org.assertj.core.groups.Tuple.tuple("Tasks[0].Resources.Memory", 8));
        assertThat(verdict.errors().get(1).message())
                .isEqualTo("task main validation failed: environment variable 'lower' must be uppercase");
    }

    @Test
    void keeps_the_forwarded_spec_free_of_defaults_and_server_fields() {
        AcceptedJob job = read(JOB.formatted("plain")).jobs().get(0);

        assertThat(job.specJson()).doesNotContain("\"ID\"", "500m", "\"Version\"").contains("\"Name\":\"plain\"");
        assertThat(JobJson.write(job.job())).contains("\"CPU\":\"500m\"", "\"Version\":1");
    }
}
