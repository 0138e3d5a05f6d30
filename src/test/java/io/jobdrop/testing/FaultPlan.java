package io.jobdrop.testing;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * The faults the double injects into job submissions, thread-safe. Counted faults are used up in arrival order;
 * random ones come from a seeded generator, so one seed and one order of submissions give the same faults every run.
 */
final class FaultPlan {

    /** Where a random fault strikes: before the store (nothing kept) or after it (kept, but the client hears 503). */
    enum StoreFault { NONE, BEFORE_STORE, AFTER_STORE }

    private int failRemaining;
    private int failStatus;
    private int rateLimitRemaining;
    private String retryAfter;
    private Random random;
    private double pBeforeStore;
    private double pAfterStore;
    private Duration delay = Duration.ZERO;
    private final Set<String> rejectedNames = new HashSet<>();

    synchronized void failNext(int n, int status) {
        if (n < 0 || status < 100 || status > 599) {
            throw new IllegalArgumentException("failNext needs n >= 0 and an HTTP status, got " + n + ", " + status);
        }
        failRemaining = n;
        failStatus = status;
    }

    synchronized void rateLimitNext(int n, String retryAfterValue) {
        if (n < 0) {
            throw new IllegalArgumentException("rateLimitNext needs n >= 0, got " + n);
        }
        rateLimitRemaining = n;
        retryAfter = retryAfterValue;
    }

    synchronized void randomFaults(double p5xx, double p503AfterStore, long seed) {
        if (p5xx < 0 || p503AfterStore < 0 || p5xx + p503AfterStore > 1) {
            throw new IllegalArgumentException("fault probabilities must be >= 0 and sum to at most 1");
        }
        random = new Random(seed);
        pBeforeStore = p5xx;
        pAfterStore = p503AfterStore;
    }

    synchronized void delay(Duration perRequest) {
        if (perRequest.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative");
        }
        delay = perRequest;
    }

    synchronized void rejectNames(List<String> names) {
        rejectedNames.addAll(names);
    }

    synchronized void clear() {
        failRemaining = 0;
        rateLimitRemaining = 0;
        random = null;
        delay = Duration.ZERO;
        rejectedNames.clear();
    }

    synchronized Duration delay() {
        return delay;
    }

    synchronized boolean rejects(String name) {
        return rejectedNames.contains(name);
    }

    /** A fault that answers before anything else (an injected failure, then a rate limit), used up by this call. */
    synchronized Optional<Reply> takeEarlyFault() {
        if (failRemaining > 0) {
            failRemaining--;
            return Optional.of(Reply.error(injected(failStatus)));
        }
        if (rateLimitRemaining > 0) {
            rateLimitRemaining--;
            // the shape of Bacalhau's own rate limiter answer (spec §17); it sends no Retry-After, the double can
            Reply reply = Reply.error(ErrorBody.of(429, "rate limit exceeded", "InternalError", "APIServer"));
            return Optional.of(retryAfter == null ? reply : reply.withHeader("Retry-After", retryAfter));
        }
        return Optional.empty();
    }

    synchronized StoreFault drawStoreFault() {
        if (random == null) {
            return StoreFault.NONE;
        }
        double r = random.nextDouble();
        if (r < pBeforeStore) {
            return StoreFault.BEFORE_STORE;
        }
        return r < pBeforeStore + pAfterStore ? StoreFault.AFTER_STORE : StoreFault.NONE;
    }

    /** The body an injected status comes with: Bacalhau's own shape for auth refusals, a generic one otherwise. */
    static ErrorBody injected(int status) {
        return switch (status) {
            case 401 -> Authorizer.unauthorized("injected by the test double");
            case 403 -> ErrorBody.of(403, "Request Forbidden", "Forbidden", "Authorizer");
            case 503 -> ErrorBody.of(503, "service unavailable (injected by the test double)", "ServiceUnavailable", "APIServer");
            default -> ErrorBody.of(status, "injected failure (HTTP " + status + ")", "InternalError", "APIServer");
        };
    }
}
