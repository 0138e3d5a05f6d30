package io.jobdrop.api;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

import java.util.Locale;
import java.util.Set;

/**
 * Turns away a posted job file the server will not take before its body is read: over the size limit (413; a body
 * sent without Content-Length is cut off at the limit by the server's body handler, also with 413) or of another
 * content type (415). Both answer in the API's JSON error shape.
 */
final class JobFileGate implements Handler<RoutingContext> {

    static final String PATH = "/api/v1/jobs";
    /** What {@code POST /api/v1/jobs} consumes: the content types of a job file. */
    static final Set<String> CONTENT_TYPES = Set.of("application/yaml", "application/x-yaml", "text/yaml",
            "application/json");

    private final long maxBody;

    JobFileGate(long maxBody) {
        this.maxBody = maxBody;
    }

    @Override
    public void handle(RoutingContext request) {
        String length = request.request().getHeader("Content-Length");
        if (length != null && tooLong(length)) {
            refuse(request, 413, "the body is larger than " + (maxBody / (1024 * 1024)) + " MiB (" + maxBody
                    + " bytes), Bacalhau's own limit on a job file");
            return;
        }
        String contentType = request.request().getHeader("Content-Type");
        String type = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!CONTENT_TYPES.contains(type)) {
            refuse(request, 415, "a job file is posted as application/yaml, application/x-yaml, text/yaml or"
                    + " application/json, not '" + (contentType == null ? "" : contentType) + "'");
            return;
        }
        request.next();
    }

    private boolean tooLong(String length) {
        try {
            return Long.parseLong(length.trim()) > maxBody;
        } catch (NumberFormatException e) {
            return false; // the server itself refuses a malformed length
        }
    }

    private static void refuse(RoutingContext request, int status, String message) {
        // the client may still be sending: closing after the answer spares reading the rest
        request.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                .putHeader("Connection", "close").end(ApiErrors.body(status, message));
    }
}
