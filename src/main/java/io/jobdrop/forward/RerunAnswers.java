package io.jobdrop.forward;

import io.jobdrop.store.Delivery;

/**
 * What an answer to {@code PUT …/jobs/{id}/rerun} (Bacalhau v1.8+, spec §16.1) means beyond a submission's rules: an
 * orchestrator without the endpoint (404 unknown route, 405, 501), or one that lost the job (404 job not found), gets
 * the rerun as a forced submission; a refusal (400, e.g. the job is still Pending) leaves the job as it was rather
 * than making it a dead letter. Everything else (200, 429, 401/403, 5xx, no answer) is read as for a submission.
 */
final class RerunAnswers {

    private RerunAnswers() {
    }

    static Delivery classify(Integer status, String body, Delivery asSubmission) {
        if (status == null) {
            return asSubmission;
        }
        String message = ApiError.parse(body).map(ApiError::message).orElse(body == null ? "" : body.strip());
        if (status == 404 || status == 405 || status == 501) {
            return new Delivery.RerunUnsupported("HTTP " + status + " to the rerun request: " + message);
        }
        if (status == 400) {
            return new Delivery.RerunRefused(message);
        }
        return asSubmission;
    }
}
