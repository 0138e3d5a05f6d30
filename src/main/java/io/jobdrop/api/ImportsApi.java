package io.jobdrop.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobdrop.intake.imports.ImportView;
import io.jobdrop.spec.JobJson;
import org.apache.camel.Exchange;
import org.apache.camel.Header;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /api/v1/imports}: the scheduled imports with their last and next fires, one import's recent fires (with the
 * rejection reports of rejected ones), and a fire on request. A requested fire is recorded in the ledger and run by
 * the next poll of an instance serving the import, as {@code jobdrop imports fire} does.
 */
public final class ImportsApi {

    private static final int FIRES = 20;

    private final ImportView view;
    private final Clock clock;

    public ImportsApi(ImportView view, Clock clock) {
        this.view = view;
        this.clock = clock;
    }

    /** {@code GET /api/v1/imports}: {@code {"items": [...], "problems": ["file:line:column: message"]}}. */
    public String list() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", view.list(clock.instant()));
        body.put("problems", view.problems());
        return json(body);
    }

    /** {@code GET /api/v1/imports/{name}}: the import and its newest fires, newest first. */
    public String show(@Header("name") String name) {
        Map<String, Object> entry = view.list(clock.instant()).stream().filter(i -> i.get("name").equals(name))
                .findFirst().orElseThrow(() -> ApiException.notFound("no import named '" + name + "'"));
        Map<String, Object> body = new LinkedHashMap<>(entry);
        body.put("fires", view.fires(name, FIRES));
        return json(body);
    }

    /** {@code POST /api/v1/imports/{name}/fire}: 202 with the fire time of the requested fire. */
    public String fire(@Header("name") String name, Exchange exchange) {
        Instant fireTime = view.request(name, clock.instant())
                .orElseThrow(() -> ApiException.notFound("no enabled import named '" + name + "'"));
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 202);
        ObjectNode body = JobJson.mapper().createObjectNode();
        body.put("import", name);
        body.put("fire_time", fireTime.toString());
        body.put("source", "import:" + name + "@" + fireTime);
        body.put("outcome", "pending");
        return body.toString();
    }

    private static String json(Object value) {
        try {
            return JobJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("maps of strings, numbers and JSON trees always serialize", e);
        }
    }
}
