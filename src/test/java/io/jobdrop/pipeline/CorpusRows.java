package io.jobdrop.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;

/** The rows of the shared corpus' expected.tsv. */
final class CorpusRows {

    record Row(String file, String verdict, String stage, String fragment, String verdictWithVars) {
    }

    private CorpusRows() {
    }

    static List<Row> all() {
        try {
            return Files.readAllLines(PipelineTestSupport.CORPUS.resolve("expected.tsv")).stream()
                    .filter(line -> !line.startsWith("#") && !line.isBlank())
                    .map(line -> line.split("\t", -1))
                    .map(c -> new Row(c[0], c[1], c[2], c[3], c[4]))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> acceptedWithoutVars() {
        return all().stream().filter(r -> r.verdict().equals("accepted")).map(Row::file).toList();
    }

    static List<Row> rejectedWithoutVars() {
        return all().stream().filter(r -> r.verdict().equals("rejected")).toList();
    }
}
