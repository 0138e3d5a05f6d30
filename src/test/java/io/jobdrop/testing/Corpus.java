package io.jobdrop.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the shared Bacalhau corpus is: {@code -Djobdrop.corpus=DIR}, which the pom sets to
 * {@code ../shared/corpus/bacalhau} beside the clone. The corpus is never copied into the repository, so a fresh
 * clone may not have it; tests that read it are marked {@link NeedsCorpus}.
 */
public final class Corpus {

    public static final String PROPERTY = "jobdrop.corpus";

    // the same default as the pom's, for a test started without Maven (an IDE) from the repository root
    private static final String BESIDE_THE_CLONE = "../shared/corpus/bacalhau";

    private Corpus() {
    }

    public static Path dir() {
        return Path.of(System.getProperty(PROPERTY, BESIDE_THE_CLONE));
    }

    /** A folder counts as the corpus when it has the verdict table every corpus test reads. */
    static boolean isCorpus(Path dir) {
        return Files.isRegularFile(dir.resolve("expected.tsv"));
    }
}
