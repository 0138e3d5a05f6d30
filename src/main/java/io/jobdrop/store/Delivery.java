package io.jobdrop.store;

import java.time.Instant;
import java.util.List;

/** What one forward attempt decided for a job version; the ledger records it in the same transaction as the attempt. */
public sealed interface Delivery {

    /** 200: the orchestrator stored the job. */
    record Submitted(String orchestratorJobId, String evaluationId, List<String> warnings) implements Delivery {
    }

    /** 500 "no changes detected": the orchestrator already has this exact spec; a success. */
    record AlreadyPresent(String message) implements Delivery {
    }

    /** 400: the orchestrator refuses the job for good; never retried. */
    record Rejected(String message) implements Delivery {
    }

    /**
     * Try again at {@code notBefore}. {@code countsAsFailure} is false for waits that are not the job's fault
     * (429 Retry-After, forwarding paused on 401/403), so they never push a job towards the dead letters.
     * {@code refusedCredentials} is the fingerprint of the token a 401/403 refused, or null.
     */
    record Retry(Instant notBefore, boolean countsAsFailure, String reason, String refusedCredentials)
            implements Delivery {

        public Retry(Instant notBefore, boolean countsAsFailure, String reason) {
            this(notBefore, countsAsFailure, reason, null);
        }

        /** The same wait, caused by the orchestrator refusing the credentials with this fingerprint (401/403). */
        public Retry refusedWith(String credentialsFingerprint) {
            return new Retry(notBefore, countsAsFailure, reason, credentialsFingerprint);
        }
    }

    /**
     * A rerun the orchestrator cannot do: it has no rerun endpoint (404 unknown route, 405, 501). The same rerun is
     * sent again at once as a forced submission.
     */
    record RerunUnsupported(String reason) implements Delivery {
    }

    /** The orchestrator refused the rerun (e.g. the job is still Pending): the job stays as it was, delivered. */
    record RerunRefused(String message) implements Delivery {
    }

    /** Out of attempts or past the maximum age: a dead letter, kept with its spec for replay. */
    record Dead(String reason) implements Delivery {
    }
}
