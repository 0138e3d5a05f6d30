package io.jobdrop.ingest;

import io.jobdrop.spec.Problem;
import io.jobdrop.testing.NeedsCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every row of the corpus' expected.tsv through the whole reader: Bacalhau's verdict, the first error (or warning)
 * containing Bacalhau's words, and for the template files the verdict once the header's variables are supplied.
 */
@NeedsCorpus
class JobFileReaderCorpusTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    static JobFileReader reader(Map<String, String> vars) {
        return new JobFileReader(true, vars, new Stamper(CLOCK, UUID::randomUUID), JobDefaults.BACALHAU);
    }

    static Stream<CorpusExpectations.Row> rows() {
        return CorpusExpectations.rows().stream();
    }

    static Stream<CorpusExpectations.Row> templateRows() {
        return rows().filter(CorpusExpectations.Row::needsVars);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void gives_bacalhaus_verdict_without_template_variables(CorpusExpectations.Row row) {
        FileVerdict verdict = reader(Map.of()).read(row.file(), CorpusExpectations.content(row.file()));

        assertThat(verdict.accepted() ? "accepted" : "rejected").as("verdict; errors %s", verdict.errors())
                .isEqualTo(row.verdict());
        if (row.fragment().startsWith("warning: ")) {
            assertThat(verdict.warnings()).isNotEmpty();
            assertThat(verdict.warnings().get(0).message()).contains(row.fragment().substring("warning: ".length()));
        } else if (!row.fragment().isEmpty()) {
            assertThat(verdict.errors().get(0).message()).contains(row.fragment());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templateRows")
    void gives_bacalhaus_verdict_with_the_header_template_variables(CorpusExpectations.Row row) {
        FileVerdict verdict = reader(CorpusExpectations.headerVars()).read(row.file(), CorpusExpectations.content(row.file()));

        assertThat(verdict.accepted() ? "accepted" : "rejected").as("errors %s", verdict.errors())
                .isEqualTo(row.verdictWithVars());
    }

    @Test
    void has_five_template_rows_and_sixty_in_all() {
        assertThat(CorpusExpectations.rows()).hasSize(60);
        assertThat(templateRows()).hasSize(5);
    }

    @Test
    void points_template_errors_at_the_line_and_column_of_the_missing_variable() {
        FileVerdict verdict = reader(Map.of()).read("t.yaml",
                CorpusExpectations.content("docs-gitbook-v2__cli-api__cli__job__run.md__L299.yaml"));

        Problem error = verdict.errors().get(0);
        assertThat(error.message()).isEqualTo("failed to execute template: template: :11:14: executing \"\" at <.query>: "
                + "map has no entry for key \"query\"");
        assertThat(List.of(error.line(), error.column())).containsExactly(11, 15);
    }
}
