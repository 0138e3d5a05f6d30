package io.jobdrop.app;

import io.jobdrop.forward.ForwardGate;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * DOWN when the orchestrator does not answer {@code GET /api/v1/agent/alive}, or while forwarding is paused because
 * it refused jobdrop's credentials (401/403).
 */
final class OrchestratorHealthCheck extends AbstractHealthCheck {

    private final URI alive;
    private final ForwardGate gate;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    OrchestratorHealthCheck(String baseUrl, ForwardGate gate) {
        super("jobdrop", "orchestrator");
        this.alive = URI.create(baseUrl.replaceAll("/+$", "") + "/api/v1/agent/alive");
        this.gate = gate;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.detail("url", alive.toString());
        if (!gate.isOpen(Instant.now())) {
            builder.message("forwarding paused: " + gate.reason()).down();
            return;
        }
        try {
            HttpResponse<Void> response = client.send(HttpRequest.newBuilder(alive).timeout(Duration.ofSeconds(2)).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() == 200) {
                builder.up();
            } else {
                builder.message("orchestrator answered " + response.statusCode()).down();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            builder.message("interrupted").down();
        } catch (Exception e) {
            builder.message("orchestrator unreachable: " + Outages.describe(e)).down();
        }
    }
}
