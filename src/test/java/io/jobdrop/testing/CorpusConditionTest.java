package io.jobdrop.testing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CorpusConditionTest {

    @TempDir
    Path temp;

    @Test
    void runs_corpus_tests_where_the_folder_has_expected_tsv() throws IOException {
        Files.writeString(temp.resolve("expected.tsv"), "# file\tverdict\n");

        assertThat(CorpusCondition.evaluate(temp, null).isDisabled()).isFalse();
        assertThat(CorpusCondition.evaluate(temp, "true").isDisabled()).isFalse();
    }

    @Test
    void skips_with_one_line_naming_the_missing_folder_and_the_property() {
        Path missing = temp.resolve("shared/corpus/bacalhau");

        ConditionEvaluationResult result = CorpusCondition.evaluate(missing, null);

        assertThat(result.isDisabled()).isTrue();
        assertThat(result.getReason()).hasValueSatisfying(reason -> assertThat(reason)
                .contains(missing.toAbsolutePath().toString())
                .contains("-Djobdrop.corpus=DIR")
                .doesNotContain("\n"));
    }

    @Test
    void skips_a_folder_that_exists_but_is_not_the_corpus() {
        assertThat(CorpusCondition.evaluate(temp, "false").isDisabled()).isTrue();
    }

    @Test
    void names_the_folder_without_dot_dot_segments() {
        Path relative = temp.resolve("clone/../shared/corpus/bacalhau");

        assertThat(CorpusCondition.evaluate(relative, null).getReason())
                .hasValueSatisfying(reason -> assertThat(reason)
                        .contains(temp.resolve("shared/corpus/bacalhau").toString())
                        .doesNotContain(".."));
    }

    @Test
    void fails_instead_of_skipping_when_ci_is_true() {
        Path missing = temp.resolve("nowhere");

        assertThatThrownBy(() -> CorpusCondition.evaluate(missing, "true"))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageContaining("CI=true")
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("-Djobdrop.corpus=DIR");
    }
}
