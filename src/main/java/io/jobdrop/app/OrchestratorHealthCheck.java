package io.jobdrop.app;

import io.jobdrop.forward.ForwardGate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/**
 * DOWN when the orchestrator does not answer {@code GET /api/v1/agent/alive}, or while forwarding is paused because
 * it refused jobdrop's credentials (401/403). Not part of readiness or liveness: queueing jobs while the orchestrator
 * is away is jobdrop's job, so it stays ready to take work and must not be restarted for it.
 */
final class OrchestratorHealthCheck extends BoundedHealthCheck {

    private final URI alive;
    private final ForwardGate gate;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    OrchestratorHealthCheck(String baseUrl, ForwardGate gate) {
        super("orchestrator");
        this.alive = URI.create(baseUrl.replaceAll("/+$", "") + "/api/v1/agent/alive");
        this.gate = gate;
    }

    @Override
    public boolean isReadiness() {
        return false;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected Finding probe() {
        if (!gate.isOpen(Instant.now())) {
            return Finding.down("forwarding paused: " + gate.reason()).with("url", alive.toString());
        }
        try {
            HttpResponse<Void> response = client.send(HttpRequest.newBuilder(alive).timeout(Duration.ofSeconds(2)).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return (response.statusCode() == 200 ? Finding.up()
                    : Finding.down("orchestrator answered " + response.statusCode())).with("url", alive.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Finding.down("interrupted");
        } catch (Exception e) {
            return Finding.down("orchestrator unreachable: " + Outages.describe(e)).with("url", alive.toString());
        }
    }
}
