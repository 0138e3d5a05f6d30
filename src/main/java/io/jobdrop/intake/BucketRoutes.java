package io.jobdrop.intake;

import org.apache.camel.spi.RouteTemplateParameterSource;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One route per configured bucket, made from the {@code bucket-intake} route template
 * (routes/bucket-intake.camel.yaml). Camel creates the routes at startup from every {@link RouteTemplateParameterSource} in the registry, so the number
 * of buckets is configuration, not code.
 */
public final class BucketRoutes implements RouteTemplateParameterSource {

    public static final String TEMPLATE = "bucket-intake";

    private final Map<String, Map<String, Object>> routes = new LinkedHashMap<>();

    /**
     * @param routeId    also names the route's timer and appears in outage log lines
     * @param intakeBean the registry name of the route's {@link BucketIntake}
     * @param leadership the registry name of the route policy that runs it only on the instance leading its listing
     */
    public void add(String routeId, String intakeBean, String leadership) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put(TEMPLATE_ID, TEMPLATE);
        parameters.put("name", routeId);
        parameters.put("intake", intakeBean);
        parameters.put("leadership", leadership);
        routes.put(routeId, parameters);
    }

    /** {@code bucket-<name>}, numbered when the same bucket is watched under several prefixes. */
    public String routeIdFor(BucketSettings settings) {
        String base = "bucket-" + settings.bucket();
        String id = base;
        for (int n = 2; routes.containsKey(id); n++) {
            id = base + "-" + n;
        }
        return id;
    }

    @Override
    public Map<String, Object> parameters(String routeId) {
        return new LinkedHashMap<>(routes.get(routeId));
    }

    @Override
    public Set<String> routeIds() {
        return routes.keySet();
    }
}
