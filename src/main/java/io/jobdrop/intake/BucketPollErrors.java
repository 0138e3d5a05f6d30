package io.jobdrop.intake;

import org.apache.camel.Exchange;
import org.apache.camel.spi.ExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the bucket routes' timer does with a poll that failed. The route's error policy (routeConfiguration
 * jobdrop-errors, the outages bean) has already reported the failure, at most one line per interval; the timer's
 * default handler would log it again, with a stack trace, on every poll of an outage.
 */
public final class BucketPollErrors implements ExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger("jobdrop.outage");

    @Override
    public void handleException(Throwable exception) {
        handleException(null, null, exception);
    }

    @Override
    public void handleException(String message, Throwable exception) {
        handleException(message, null, exception);
    }

    @Override
    public void handleException(String message, Exchange exchange, Throwable exception) {
        if (exchange != null) {
            LOG.debug("bucket poll failed (reported by the route's error policy)", exception);
        } else {
            // failed outside the route, where the error policy does not see it
            LOG.warn("bucket poll failed: {}: {}", exception.getClass().getSimpleName(), exception.getMessage());
        }
    }
}
