package io.jobdrop.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Locale;

/**
 * Bacalhau's {@code Job.Normalize()} and {@code Task.Normalize()} (spec §5) on a decoded job tree. Server defaults
 * (CPU {@code 500m} and so on) are configuration, not normalisation: the double leaves them to a plugged normaliser.
 */
final class JobNormalizer {

    private JobNormalizer() {
    }

    static void normalize(ObjectNode job) {
        emptyObjectIfNil(job, "Meta");
        emptyObjectIfNil(job, "Labels");
        emptyArrayIfNil(job, "Constraints");
        emptyArrayIfNil(job, "Tasks");
        if (DoubleJson.text(job, "Namespace").isEmpty()) {
            job.put("Namespace", "default");
        }
        if (DoubleJson.text(job, "Name").isEmpty()) {
            job.put("Name", DoubleJson.text(job, "ID"));
        }
        String type = DoubleJson.text(job, "Type");
        if (type.equals("daemon") || type.equals("ops")) {
            job.put("Count", 0);
        }
        for (JsonNode task : job.get("Tasks")) {
            if (task instanceof ObjectNode t) {
                normalizeTask(t);
            }
        }
    }

    private static void normalizeTask(ObjectNode task) {
        emptyObjectIfNil(task, "Meta");
        emptyObjectIfNil(task, "Env");
        emptyArrayIfNil(task, "InputSources");
        emptyArrayIfNil(task, "ResultPaths");
        emptyObjectIfNil(task, "Resources");
        emptyObjectIfNil(task, "Publisher");
        emptyObjectIfNil(task, "Network");
        emptyObjectIfNil(task, "Timeouts");
        normalizeSpecConfig(task.get("Engine"));
        normalizeSpecConfig(task.get("Publisher"));
        for (JsonNode input : task.get("InputSources")) {
            if (input instanceof ObjectNode in && in.get("Source") instanceof ObjectNode) {
                normalizeSpecConfig(in.get("Source"));
                trim(in, "Alias");
                trim(in, "Target");
            }
        }
        for (JsonNode result : task.get("ResultPaths")) {
            if (result instanceof ObjectNode r) {
                trim(r, "Name");
                trim(r, "Path");
            }
        }
        if (task.get("Resources") instanceof ObjectNode resources) {
            for (String field : new String[]{"CPU", "Memory", "Disk", "GPU"}) {
                JsonNode value = resources.get(field);
                if (value != null && value.isTextual()) {
                    resources.put(field, value.asText().toLowerCase(Locale.ROOT).replace(" ", "").replace("\n", ""));
                }
            }
        }
        if (task.get("Network") instanceof ObjectNode network) {
            if (network.get("Domains") instanceof ArrayNode domains) {
                for (int i = 0; i < domains.size(); i++) {
                    if (domains.get(i).isTextual()) {
                        domains.set(i, domains.textNode(domains.get(i).asText().strip().toLowerCase(Locale.ROOT)));
                    }
                }
            }
            emptyArrayIfNil(network, "Ports");
        }
    }

    private static void normalizeSpecConfig(JsonNode config) {
        if (config instanceof ObjectNode c) {
            trim(c, "Type");
            emptyObjectIfNil(c, "Params");
        }
    }

    private static void trim(ObjectNode node, String field) {
        JsonNode value = node.get(field);
        if (value != null && value.isTextual()) {
            node.put(field, value.asText().strip());
        }
    }

    private static void emptyObjectIfNil(ObjectNode node, String field) {
        if (node.get(field) == null || node.get(field).isNull()) {
            node.putObject(field);
        }
    }

    private static void emptyArrayIfNil(ObjectNode node, String field) {
        if (node.get(field) == null || node.get(field).isNull()) {
            node.putArray(field);
        }
    }
}
