package io.jobdrop.intake.table;

import org.apache.camel.spi.RouteTemplateParameterSource;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One route per table source, made from the {@code table-intake} route template (routes/table-intake.camel.yaml):
 * Camel creates the routes at startup from every {@link RouteTemplateParameterSource} in the registry, so the number
 * of table sources is configuration, not code.
 */
public final class TableRoutes implements RouteTemplateParameterSource {

    public static final String TEMPLATE = "table-intake";

    private final Map<String, Map<String, Object>> routes = new LinkedHashMap<>();

    /** The route {@code table-<t>}, whose beans are bound as {@code table-<t>-intake}, {@code -pool}, {@code -tx}. */
    void add(TableSettings table) {
        String routeId = routeId(table);
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put(TEMPLATE_ID, TEMPLATE);
        parameters.put("name", routeId);
        parameters.put("intake", routeId + "-intake");
        parameters.put("dataSource", routeId + "-pool");
        parameters.put("transaction", routeId + "-tx");
        parameters.put("pollMs", Long.toString(table.poll().toMillis()));
        routes.put(routeId, parameters);
    }

    static String routeId(TableSettings table) {
        return "table-" + table.name();
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
