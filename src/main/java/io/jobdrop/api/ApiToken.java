package io.jobdrop.api;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The bearer token every {@code /api/v1} request must carry when {@code jobdrop.api.token} is set. It runs on the
 * HTTP server before anything else (before the body is read), so a request without the token costs nothing and learns
 * nothing, whatever its path. Tokens are compared in constant time.
 */
public final class ApiToken implements Handler<RoutingContext> {

    /** Where the token applies; {@code /observe/*} (health, metrics) stays open for probes and scrapers. */
    public static final String PATHS = "/api/v1/*";

    private final byte[] expected;

    public ApiToken(String token) {
        this.expected = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void handle(RoutingContext request) {
        String given = request.request().getHeader("Authorization");
        if (given != null && MessageDigest.isEqual(expected, given.trim().getBytes(StandardCharsets.UTF_8))) {
            request.next();
            return;
        }
        request.response().setStatusCode(401).putHeader("Content-Type", "application/json")
                .putHeader("WWW-Authenticate", "Bearer").end(ApiErrors.body(401,
                        given == null ? "this API needs Authorization: Bearer <jobdrop.api.token>"
                                : "the bearer token does not match jobdrop.api.token"));
    }
}
