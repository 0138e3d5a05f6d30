package io.jobdrop.api;

import org.apache.camel.CamelContext;
import org.apache.camel.StartupListener;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;

/**
 * Serves the dashboard (src/main/resources/web/) at {@code /} on the server of {@code /api/v1} and {@code /observe}.
 * The files are open; the data they show comes from {@code /api/v1}, which the token guards.
 */
public final class Dashboard implements StartupListener {

    @Override
    public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
        for (VertxPlatformHttpRouter router : context.getRegistry().findByType(VertxPlatformHttpRouter.class)) {
            DashboardFiles files = new DashboardFiles("web");
            router.getWithRegex(DashboardFiles.PATH_REGEX).handler(files);
            router.headWithRegex(DashboardFiles.PATH_REGEX).handler(files);
        }
    }
}
