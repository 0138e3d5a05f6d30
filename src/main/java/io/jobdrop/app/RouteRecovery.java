package io.jobdrop.app;

import io.jobdrop.intake.BucketIntake;
import org.apache.camel.Exchange;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;

/**
 * Ends a route's outage (a disk or store failure the error policy reported) when an exchange of that route completes
 * without any failure caught on the way, having done its work (a bucket poll skipped while backing off is
 * {@link BucketIntake#IDLE}: it proves nothing about the store).
 */
final class RouteRecovery extends EventNotifierSupport {

    private final Outages outages;

    RouteRecovery(Outages outages) {
        this.outages = outages;
        setIgnoreCamelContextEvents(true);
        setIgnoreRouteEvents(true);
        setIgnoreServiceEvents(true);
        setIgnoreExchangeCreatedEvent(true);
        setIgnoreExchangeSendingEvents(true);
        setIgnoreExchangeSentEvents(true);
        setIgnoreStepEvents(true);
        setIgnoreExchangeAsyncProcessingStartedEvents(true);
        setIgnoreExchangeRedeliveryEvents(true);
        setIgnoreExchangeFailedEvents(true);
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof CamelEvent.ExchangeCompletedEvent;
    }

    @Override
    public void notify(CamelEvent event) {
        Exchange exchange = ((CamelEvent.ExchangeCompletedEvent) event).getExchange();
        String outage = Outages.routeOutage(exchange.getFromRouteId());
        if (outages.isOpen(outage) && exchange.getException() == null
                && exchange.getProperty(Exchange.EXCEPTION_CAUGHT) == null
                && !exchange.getProperty(BucketIntake.IDLE, false, Boolean.class)) {
            outages.recovered(outage);
        }
    }
}
