package io.jobdrop.intake.imports;

import java.time.Duration;

/**
 * The jobdrop.imports.* settings the fires need: the bearer token for URL imports (never logged), the HTTP timeout,
 * the lease a running fire holds (another instance takes it over once it passes), and the retry backoff.
 */
public record ImportSettings(String token, Duration timeout, Duration lease, Duration retryInitial,
                             Duration retryMax) {

    @Override
    public String toString() {
        return "ImportSettings[token=" + (token.isEmpty() ? "none" : "***") + ", timeout=" + timeout + ", lease="
                + lease + ", retry=" + retryInitial + ".." + retryMax + "]";
    }
}
