package io.jobdrop.intake.imports;

import org.apache.camel.spi.RouteTemplateParameterSource;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The routes of routes/imports.camel.yaml: one {@code import-schedule} route per enabled import, and the catch-up and
 * due-fire routes once there is any. Camel creates them at startup from this source, so the imports are files, not
 * code.
 */
public final class ImportRoutes implements RouteTemplateParameterSource {

    private final Map<String, Map<String, Object>> routes = new LinkedHashMap<>();

    public ImportRoutes(ImportCatalog catalog) {
        for (ImportDefinition definition : catalog.enabled()) {
            Map<String, Object> parameters = new LinkedHashMap<>();
            parameters.put(TEMPLATE_ID, "import-schedule");
            parameters.put("name", definition.name());
            parameters.put("cron", definition.schedule().cron());
            parameters.put("timezone", definition.schedule().zone().getId());
            routes.put("import-" + definition.name(), parameters);
        }
        if (!routes.isEmpty()) {
            shared("imports-catch-up");
            shared("imports-due");
        }
    }

    private void shared(String template) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put(TEMPLATE_ID, template);
        parameters.put("name", template);
        routes.put(template, parameters);
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
