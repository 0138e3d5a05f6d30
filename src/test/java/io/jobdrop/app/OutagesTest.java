package io.jobdrop.app;

import io.jobdrop.testing.LogCapture;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** An outage is logged once per route per interval, whatever the number of failures. */
class OutagesTest {

    private final DefaultCamelContext context = new DefaultCamelContext();

    private Exchange failureIn(String route) {
        Exchange exchange = new DefaultExchange(context);
        exchange.getExchangeExtension().setFromRouteId(route);
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT, new IllegalStateException("ledger down", new SQLException("refused")));
        return exchange;
    }

    @Test
    void logs_each_routes_outage_once_per_interval() {
        Outages outages = new Outages(60_000);
        try (LogCapture log = LogCapture.start()) {
            for (int i = 0; i < 50; i++) {
                outages.report(failureIn("inbox-intake"));
                outages.report(failureIn("drain-outbox"));
            }
            assertThat(log.lines()).filteredOn(l -> l.contains("outage")).hasSize(2)
                    .anySatisfy(l -> assertThat(l).contains("route inbox-intake failed", "ledger down", "caused by SQLException: refused"))
                    .anySatisfy(l -> assertThat(l).contains("route drain-outbox failed"));
        }
    }
}
