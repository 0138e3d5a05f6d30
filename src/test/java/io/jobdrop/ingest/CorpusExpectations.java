package io.jobdrop.ingest;

import io.jobdrop.testing.Corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The shared corpus and its expected.tsv: Bacalhau's own verdict on each file. */
final class CorpusExpectations {

    static final Path CORPUS = Corpus.dir();

    record Row(String file, String verdict, String stage, String fragment, String verdictWithVars) {
        boolean needsVars() {
            return !verdictWithVars.equals("-");
        }

        @Override
        public String toString() {
            return file;
        }
    }

    private CorpusExpectations() {
    }

    static List<Row> rows() {
        return lines().stream().filter(l -> !l.startsWith("#") && !l.isBlank()).map(l -> l.split("\t", -1))
                .map(c -> new Row(c[0], c[1], c[2], c[3], c[4])).toList();
    }

    /** The template variables named in the header: {@code (vars: k=v;k=v)}. */
    static Map<String, String> headerVars() {
        String header = lines().get(0);
        String list = header.substring(header.indexOf("(vars: ") + "(vars: ".length(), header.lastIndexOf(')'));
        Map<String, String> vars = new LinkedHashMap<>();
        for (String pair : list.split(";")) {
            int eq = pair.indexOf('=');
            vars.put(pair.substring(0, eq).trim(), pair.substring(eq + 1));
        }
        return vars;
    }

    static byte[] content(String file) {
        try {
            return Files.readAllBytes(CORPUS.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> lines() {
        try {
            return Files.readAllLines(CORPUS.resolve("expected.tsv"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
