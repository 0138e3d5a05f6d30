package io.jobdrop.api;

import org.apache.camel.CamelContext;
import org.apache.camel.StartupListener;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Set;

/**
 * Puts the API's guards on Camel's HTTP server, once the server exists and before any route consumes requests: the
 * token check in front of {@code /api/v1} (when a token is set) and the job file gate (size, content type); and warns
 * at start when the API is reachable from other machines without a token.
 */
public final class ApiServer implements StartupListener {

    private static final Logger LOG = LoggerFactory.getLogger("jobdrop.api");

    private final String host;
    private final String token;
    private final long maxBody;

    /** @param maxBody the largest job file taken, in bytes (Bacalhau's limit: camel.server.maxBodySize) */
    public ApiServer(String host, String token, long maxBody) {
        this.host = host;
        this.token = token == null || token.isBlank() ? null : token;
        this.maxBody = maxBody;
    }

    @Override
    public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
        Set<VertxPlatformHttpRouter> routers = context.getRegistry().findByType(VertxPlatformHttpRouter.class);
        if (routers.isEmpty()) {
            throw new IllegalStateException("the HTTP API needs Camel's HTTP server (camel.server.enabled=true)");
        }
        for (VertxPlatformHttpRouter router : routers) {
            if (token != null) {
                // first of all handlers: a request without the token is answered before its body is read
                router.route(ApiToken.PATHS).order(Integer.MIN_VALUE).handler(new ApiToken(token));
            }
            router.post(JobFileGate.PATH).order(Integer.MIN_VALUE + 1).handler(new JobFileGate(maxBody));
        }
        if (token == null && !loopback(host)) {
            LOG.warn("the HTTP API listens on {} without a token: anyone who can reach this address can post and"
                    + " replay jobs; set jobdrop.api.token (JOBDROP_API_TOKEN)", host);
        }
    }

    static boolean loopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
