package io.jobdrop.spec.parse;

import io.jobdrop.spec.Violations;
import io.jobdrop.testing.NeedsCorpus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The corpus verdicts of {@code expected.tsv} that belong to decoding: files rejected at the unmarshal stage fail
 * with the listed fragment, every other file that needs no template decodes without errors.
 */
@NeedsCorpus
class JobDecoderCorpusTest {

    record Row(String file, String stage, String fragment) {
        @Override
        public String toString() {
            return file;
        }
    }

    static Stream<Row> rows() throws IOException {
        List<String> lines = Files.readAllLines(Decoding.corpus().resolve("expected.tsv"));
        return lines.stream()
                .filter(l -> !l.startsWith("#") && !l.isBlank())
                .map(l -> l.split("\t", -1))
                .map(f -> new Row(f[0], f[2], f[3]))
                .filter(r -> !r.stage.equals("template") && !r.stage.equals("parse"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void decodes_each_corpus_file_as_expected(Row row) {
        String text = Decoding.corpusText(row.file);
        if (row.stage.equals("unmarshal")) {
            assertThatThrownBy(() -> GoYaml.load(text)).hasMessageContaining(row.fragment);
            return;
        }
        Decoding d = Decoding.of(text);
        assertThat(d.errors()).extracting(Violations.Entry::message).isEmpty();
        assertThat(d.decoded().shape())
                .isEqualTo(row.stage.equals("api-body") ? JobDecoder.Shape.API_BODY : JobDecoder.Shape.JOB_FILE);
        assertThat(d.job()).isNotNull();
    }
}
