package io.jobdrop.testing;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs {@link NeedsCorpus} tests only where the corpus is. A fresh clone has no {@code ../shared} beside it, and its
 * tests must pass there; CI has the corpus, so a missing one there is a broken setting, and skipping would hide it.
 */
final class CorpusCondition implements ExecutionCondition {

    // Surefire shows skip reasons only in its reports, so the console gets the reason once per test JVM.
    private static final AtomicBoolean TOLD = new AtomicBoolean();

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        ConditionEvaluationResult result = evaluate(Corpus.dir(), System.getenv("CI"));
        if (result.isDisabled() && TOLD.compareAndSet(false, true)) {
            System.err.println("jobdrop tests: " + result.getReason().orElseThrow());
        }
        return result;
    }

    static ConditionEvaluationResult evaluate(Path corpus, String ci) {
        if (Corpus.isCorpus(corpus)) {
            return ConditionEvaluationResult.enabled("Bacalhau corpus at " + corpus);
        }
        String where = corpus.toAbsolutePath().normalize().toString();
        if ("true".equalsIgnoreCase(ci)) {
            throw new ExtensionConfigurationException("CI=true but there is no Bacalhau corpus (expected.tsv) in "
                    + where + ": CI must run the corpus tests, so they fail rather than skip; set -D"
                    + Corpus.PROPERTY + "=DIR to the corpus folder");
        }
        return ConditionEvaluationResult.disabled("no Bacalhau corpus (expected.tsv) in " + where
                + ": the tests that read it are skipped (-D" + Corpus.PROPERTY + "=DIR points them at one)");
    }
}
