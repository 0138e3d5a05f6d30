package io.jobdrop.testing;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

/** Runs {@link NeedsChromium} tests only where Chromium and chromedriver are; under CI=true a missing one fails. */
final class ChromiumCondition implements ExecutionCondition {

    private static final AtomicBoolean TOLD = new AtomicBoolean();

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        ConditionEvaluationResult result = evaluate(Browser.CHROMIUM, Browser.CHROMEDRIVER, System.getenv("CI"));
        if (result.isDisabled() && TOLD.compareAndSet(false, true)) {
            System.err.println("jobdrop tests: " + result.getReason().orElseThrow());
        }
        return result;
    }

    static ConditionEvaluationResult evaluate(Path chromium, Path driver, String ci) {
        if (Files.isExecutable(chromium) && Files.isExecutable(driver)) {
            return ConditionEvaluationResult.enabled("Chromium at " + chromium + ", chromedriver at " + driver);
        }
        String missing = (Files.isExecutable(chromium) ? "" : chromium + " ")
                + (Files.isExecutable(driver) ? "" : driver + " ");
        if ("true".equalsIgnoreCase(ci)) {
            throw new ExtensionConfigurationException("CI=true but " + missing.trim() + " missing: CI must run the"
                    + " dashboard's browser tests, so they fail rather than skip (./test installs chromium and"
                    + " chromium-driver)");
        }
        return ConditionEvaluationResult.disabled(missing.trim() + " missing: the dashboard's browser tests are"
                + " skipped (./test installs chromium and chromium-driver)");
    }
}
