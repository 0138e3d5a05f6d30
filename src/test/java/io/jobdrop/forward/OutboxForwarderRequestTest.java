package io.jobdrop.forward;

import io.jobdrop.store.OutboxItem;
import org.apache.camel.Exchange;
import org.apache.camel.component.http.HttpMethods;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The exchange one outbox item becomes, as camel-http sends it. */
class OutboxForwarderRequestTest {

    private final OutboxForwarder forwarder = new OutboxForwarder(null, null, new ForwardGate(), "t0ken", 10,
            Duration.ofSeconds(30), Duration.ofSeconds(1), Clock.systemUTC());

    @Test
    void puts_the_spec_with_the_method_typed_as_camel_https_own_enum() throws Exception {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getMessage().setHeader("CamelFileName", "left over from intake");
        exchange.getMessage().setBody(new OutboxItem("j-1", "default", "hello", 1, "{\"Name\":\"hello\"}", 0,
                Instant.EPOCH));

        forwarder.prepare(exchange);

        // as text, camel-http would convert it per request through a scan of every type converter
        assertThat(exchange.getMessage().getHeader(Exchange.HTTP_METHOD)).isSameAs(HttpMethods.PUT);
        assertThat(exchange.getMessage().getHeaders()).doesNotContainKey("CamelFileName")
                .containsEntry("Authorization", "Bearer t0ken");
        assertThat(exchange.getMessage().getBody(String.class)).isEqualTo("{\"Job\":{\"Name\":\"hello\"}}");
    }
}
