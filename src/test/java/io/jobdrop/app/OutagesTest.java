package io.jobdrop.app;

import io.jobdrop.store.LedgerException;
import io.jobdrop.testing.LogCapture;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** An outage is one WARN line when it starts and one INFO line when it ends, per dependency, without stack traces. */
class OutagesTest {

    private final DefaultCamelContext context = new DefaultCamelContext();

    private Exchange failureIn(String route, Throwable cause) {
        Exchange exchange = new DefaultExchange(context);
        exchange.getExchangeExtension().setFromRouteId(route);
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT, cause);
        return exchange;
    }

    @Test
    void logs_one_warn_when_an_outage_starts_and_one_info_when_it_ends_per_dependency() {
        Outages outages = new Outages();
        try (LogCapture log = LogCapture.start()) {
            for (int i = 0; i < 50; i++) {
                outages.report(failureIn("inbox-intake", new LedgerException("cannot record a.yaml",
                        new SQLException("Connection refused"))));
                outages.unavailable(new SQLException("Connection refused"));
                outages.report(failureIn("inbox-intake", new IOException("No space left on device")));
                outages.unreachable("ConnectException: Connection refused");
            }
            outages.committed();
            outages.committed();
            outages.answered();

            assertThat(log.lines()).filteredOn(l -> l.contains("outage")).hasSize(5)
                    .noneMatch(l -> l.contains("\tat "))
                    .anySatisfy(l -> assertThat(l).contains("[WARN]", "ledger outage: LedgerException: cannot record a.yaml",
                            "caused by SQLException: Connection refused"))
                    .anySatisfy(l -> assertThat(l).contains("[WARN]", "route inbox-intake outage: IOException: No space left"))
                    .anySatisfy(l -> assertThat(l).contains("[WARN]", "orchestrator outage: ConnectException"))
                    .anySatisfy(l -> assertThat(l).contains("[INFO]", "ledger outage over after", "(100 failed operations)"))
                    .anySatisfy(l -> assertThat(l).contains("[INFO]", "orchestrator outage over after"));
            assertThat(outages.isOpen("route inbox-intake")).isTrue();
            assertThat(log.text()).doesNotContain("\tat ");
        }
    }

    @Test
    void an_outage_is_one_line_even_when_the_database_message_has_several() {
        Outages outages = new Outages();
        try (LogCapture log = LogCapture.start()) {
            outages.unavailable(new SQLException("General error: write failed; SQL statement:\nINSERT INTO jobs\nVALUES (?)",
                    new IOException("No space left on device")));
            assertThat(log.lines()).filteredOn(l -> l.contains("outage")).singleElement().asString()
                    .contains("SQL statement: INSERT INTO jobs VALUES (?)", "caused by IOException: No space left on device");
        }
    }

    @Test
    void a_new_failure_after_the_end_of_an_outage_starts_a_new_one() {
        Outages outages = new Outages();
        try (LogCapture log = LogCapture.start()) {
            outages.unavailable(new SQLException("down"));
            outages.committed();
            outages.unavailable(new SQLException("down again"));
            assertThat(log.lines()).filteredOn(l -> l.contains("[WARN]") && l.contains("ledger outage")).hasSize(2);
        }
    }
}
