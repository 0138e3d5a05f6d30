package io.jobdrop.api;

import io.jobdrop.spec.JobJson;
import io.jobdrop.store.LedgerException;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API's error answers, {@code {"status":…, "message":…}}: a refused request (bad parameter 400, unknown job 404)
 * says what to change; a ledger outage is 503, retryable. Used by the API's error policy (routes/errors.camel.yaml).
 */
public final class ApiErrors {

    private static final Logger LOG = LoggerFactory.getLogger("jobdrop.api");

    public void answer(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        int status;
        String message;
        if (failure instanceof ApiException refused) {
            status = refused.status();
            message = refused.getMessage();
        } else if (failure instanceof IllegalArgumentException bad) {
            status = 400;
            message = bad.getMessage();
        } else if (failure instanceof LedgerException outage) {
            status = 503;
            message = "the ledger database is unavailable, try again later: " + outage.getMessage();
            LOG.warn("{} {}: {}", exchange.getMessage().getHeader(Exchange.HTTP_METHOD),
                    exchange.getMessage().getHeader(Exchange.HTTP_PATH), outage.getMessage());
        } else {
            status = 500;
            message = "internal error: " + (failure == null ? "unknown" : failure.getClass().getSimpleName());
            LOG.error("{} {} failed", exchange.getMessage().getHeader(Exchange.HTTP_METHOD),
                    exchange.getMessage().getHeader(Exchange.HTTP_PATH), failure);
        }
        write(exchange, status, message);
    }

    static void write(Exchange exchange, int status, String message) {
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        exchange.getMessage().setBody(body(status, message));
    }

    static String body(int status, String message) {
        return JobJson.mapper().createObjectNode().put("status", status).put("message", message).toString();
    }
}
