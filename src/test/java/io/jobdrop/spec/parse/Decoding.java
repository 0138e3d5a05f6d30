package io.jobdrop.spec.parse;

import io.jobdrop.spec.Job;
import io.jobdrop.spec.SourcePosition;
import io.jobdrop.spec.Violations;
import io.jobdrop.testing.Corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Test helper: one YAML text through {@link GoYaml} and {@link JobDecoder}, with what was collected. */
record Decoding(JobDecoder.Decoded decoded, List<Violations.Entry> errors, List<Violations.Entry> warnings) {

    static Decoding of(String yaml) {
        try {
            List<YamlDocument> docs = GoYaml.load(yaml);
            Violations errors = Violations.collector();
            Violations warnings = Violations.collector();
            JobDecoder.Decoded decoded = JobDecoder.decode(docs.get(0), errors, warnings);
            return new Decoding(decoded, errors.entries(), warnings.entries());
        } catch (YamlSyntaxException e) {
            throw new AssertionError("not YAML: " + e.getMessage(), e);
        }
    }

    static Decoding ofCorpus(String file) {
        return of(corpusText(file));
    }

    static String corpusText(String file) {
        try {
            return Files.readString(corpus().resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path corpus() {
        return Corpus.dir();
    }

    Job job() {
        return decoded.job();
    }

    List<String> messages() {
        return errors.stream().map(Violations.Entry::message).toList();
    }

    List<String> paths() {
        return errors.stream().map(Violations.Entry::path).toList();
    }

    SourcePosition positionOf(String path) {
        return decoded.sourceMap().positionOf(path);
    }
}
