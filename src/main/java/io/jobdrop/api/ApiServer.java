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
 * Puts the API's guard on Camel's HTTP server: the token check in front of {@code /api/v1} (when a token is set),
 * installed once the server exists and before any route consumes requests; and a warning at start when the API is
 * reachable from other machines without a token.
 */
public final class ApiServer implements StartupListener {

    private static final Logger LOG = LoggerFactory.getLogger("jobdrop.api");

    private final String host;
    private final String token;

    public ApiServer(String host, String token) {
        this.host = host;
        this.token = token == null || token.isBlank() ? null : token;
    }

    @Override
    public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
        if (token != null) {
            Set<VertxPlatformHttpRouter> routers = context.getRegistry().findByType(VertxPlatformHttpRouter.class);
            if (routers.isEmpty()) {
                throw new IllegalStateException("jobdrop.api.token is set but Camel's HTTP server is not running"
                        + " (camel.server.enabled)");
            }
            // first of all handlers: a request without the token is answered before its body is read
            routers.forEach(router -> router.route(ApiToken.PATHS).order(Integer.MIN_VALUE).handler(new ApiToken(token)));
        } else if (!loopback(host)) {
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
