package io.jobdrop.follow;

import io.jobdrop.forward.ForwardGate;
import io.jobdrop.store.FollowItem;
import org.apache.camel.Exchange;
import org.apache.camel.component.http.HttpMethods;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The exchange one followed job's poll becomes, as camel-http sends it. */
class JobFollowerRequestTest {

    private final FollowPolicy policy = new FollowPolicy(Duration.ofSeconds(1), Duration.ofSeconds(60),
            Duration.ofDays(7), 8, 50, Duration.ofMillis(250), Duration.ofSeconds(60), Duration.ofSeconds(30));
    private final JobFollower follower = new JobFollower(null, policy, new ForwardGate(), null, Clock.systemUTC(),
            GiveWay.NEVER);

    @Test
    void gets_the_job_with_its_executions_and_the_method_typed_as_camel_https_own_enum() throws Exception {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getMessage().setBody(new FollowItem("j-1", "hello", 1, "j-orch 1", "team a", "batch", "Running", 0,
                0, Instant.EPOCH));

        follower.prepare(exchange);

        assertThat(exchange.getMessage().getHeader(Exchange.HTTP_METHOD)).isSameAs(HttpMethods.GET);
        assertThat(exchange.getMessage().getHeader(Exchange.HTTP_PATH)).isEqualTo("/j-orch%201");
        assertThat(exchange.getMessage().getHeader(Exchange.HTTP_QUERY))
                .isEqualTo("include=executions&namespace=team%20a");
        assertThat(exchange.getMessage().getBody()).isNull();
    }
}
