package io.jobdrop.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Go structs of a job (pkg/models), as far as JSON goes: which keys exist, in what order Go writes them and which
 * are omitempty. Decoding matches keys case-insensitively and drops unknown ones, as encoding/json does; map fields
 * (Meta, Labels, Env, Params) are data and kept as sent. Value type errors are not reproduced: such values are kept.
 */
final class JobShape {

    private enum Kind { STRING, NUMBER, DATA, STRUCT, STRUCT_VALUE, LIST, NETWORK, STATE_TYPE }

    /** ALWAYS: no omitempty. NIL: omitempty on a pointer. EMPTY: omitempty on a value, map or slice. */
    private enum Omit { ALWAYS, NIL, EMPTY }

    private record Field(String name, Kind kind, String struct, Omit omit) {
    }

    private static final Map<String, List<Field>> STRUCTS = structs(
            "Job", List.of(s("ID"), s("Name"), s("Namespace"), s("Type"), n("Priority"), n("Count"),
                    f("Constraints", Kind.LIST, "LabelSelectorRequirement", Omit.ALWAYS), f("Meta", Kind.DATA, null, Omit.ALWAYS),
                    f("Labels", Kind.DATA, null, Omit.ALWAYS), f("Tasks", Kind.LIST, "Task", Omit.ALWAYS),
                    f("State", Kind.STRUCT_VALUE, "JobState", Omit.ALWAYS), n("Version"), n("Revision"), n("CreateTime"),
                    n("ModifyTime")),
            "JobState", List.of(f("StateType", Kind.STATE_TYPE, null, Omit.ALWAYS), f("Message", Kind.STRING, null, Omit.EMPTY),
                    f("Details", Kind.DATA, null, Omit.EMPTY)),
            "LabelSelectorRequirement", List.of(s("Key"), s("Operator"), f("Values", Kind.DATA, null, Omit.EMPTY)),
            "Task", List.of(s("Name"), f("Engine", Kind.STRUCT, "SpecConfig", Omit.ALWAYS),
                    f("Publisher", Kind.STRUCT, "SpecConfig", Omit.ALWAYS), f("Env", Kind.DATA, null, Omit.EMPTY),
                    f("Meta", Kind.DATA, null, Omit.EMPTY), f("InputSources", Kind.LIST, "InputSource", Omit.EMPTY),
                    f("ResultPaths", Kind.LIST, "ResultPath", Omit.EMPTY), f("Resources", Kind.STRUCT, "ResourcesConfig", Omit.NIL),
                    f("Network", Kind.STRUCT, "NetworkConfig", Omit.NIL), f("Timeouts", Kind.STRUCT, "TimeoutConfig", Omit.NIL)),
            "SpecConfig", List.of(s("Type"), f("Params", Kind.DATA, null, Omit.EMPTY)),
            "InputSource", List.of(f("Source", Kind.STRUCT, "SpecConfig", Omit.ALWAYS), s("Alias"), s("Target")),
            "ResultPath", List.of(s("Name"), s("Path")),
            "ResourcesConfig", List.of(f("CPU", Kind.STRING, null, Omit.EMPTY), f("Memory", Kind.STRING, null, Omit.EMPTY),
                    f("Disk", Kind.STRING, null, Omit.EMPTY), f("GPU", Kind.STRING, null, Omit.EMPTY)),
            "NetworkConfig", List.of(f("Type", Kind.NETWORK, null, Omit.ALWAYS), f("Domains", Kind.DATA, null, Omit.EMPTY),
                    f("Ports", Kind.LIST, "PortMapping", Omit.EMPTY)),
            "PortMapping", List.of(s("Name"), f("Static", Kind.NUMBER, null, Omit.EMPTY), f("Target", Kind.NUMBER, null, Omit.EMPTY),
                    s("HostNetwork")),
            "TimeoutConfig", List.of(f("ExecutionTimeout", Kind.NUMBER, null, Omit.EMPTY),
                    f("QueueTimeout", Kind.NUMBER, null, Omit.EMPTY), f("TotalTimeout", Kind.NUMBER, null, Omit.EMPTY)));

    private static final List<String> NETWORKS = List.of("Default", "None", "Host", "Full", "HTTP", "Bridge");
    private static final List<String> STATES = List.of("Undefined", "Pending", "Queued", "Running", "Completed", "Failed", "Stopped");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JobShape() {
    }

    /**
     * The job as Go decodes it: Go field names, unknown keys gone, enum names canonical, and the Count default of
     * {@code Job.UnmarshalJSON} (batch/service with Count absent or null get 1).
     */
    static ObjectNode decode(JsonNode rawJob) throws RequestRejected {
        ObjectNode job = (ObjectNode) decode("Job", rawJob);
        String type = DoubleJson.text(job, "Type");
        if ((type.equals("batch") || type.equals("service")) && (!job.has("Count") || job.get("Count").isNull())) {
            job.put("Count", 1);
        }
        return job;
    }

    /** The job as Go's encoding/json writes it: every struct field in declaration order, omitempty applied. */
    static ObjectNode encode(ObjectNode job) {
        return (ObjectNode) encode("Job", job);
    }

    private static JsonNode decode(String struct, JsonNode node) throws RequestRejected {
        if (node == null || !node.isObject()) {
            return node;
        }
        Map<String, JsonNode> byField = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            Field field = field(struct, entry.getKey());
            if (field != null) {
                // a later key for the same field wins, as in encoding/json
                byField.remove(field.name());
                byField.put(field.name(), decodeValue(field, entry.getValue()));
            }
        }
        ObjectNode out = NODES.objectNode();
        for (Field field : STRUCTS.get(struct)) {
            if (byField.containsKey(field.name())) {
                out.set(field.name(), byField.get(field.name()));
            }
        }
        return out;
    }

    private static JsonNode decodeValue(Field field, JsonNode value) throws RequestRejected {
        switch (field.kind()) {
            case STRUCT:
            case STRUCT_VALUE:
                return decode(field.struct(), value);
            case LIST:
                if (value.isArray()) {
                    ArrayNode out = NODES.arrayNode();
                    for (JsonNode element : value) {
                        out.add(decode(field.struct(), element));
                    }
                    return out;
                }
                return value;
            case NETWORK:
                if (value.isTextual()) {
                    return NODES.textNode(networkName(value.asText()));
                }
                return value;
            case STATE_TYPE:
                if (value.isTextual()) {
                    String wanted = value.asText().strip();
                    return NODES.textNode(STATES.stream().filter(s -> s.equalsIgnoreCase(wanted)).findFirst().orElse("Undefined"));
                }
                return value;
            default:
                return value;
        }
    }

    /** Network's text decoder: trimmed, case-insensitive; anything else fails the bind. */
    private static String networkName(String text) throws RequestRejected {
        String wanted = text.strip();
        for (String name : NETWORKS) {
            if (name.equalsIgnoreCase(wanted)) {
                return name;
            }
        }
        String message = "models.Network: unknown type '" + wanted + "'";
        throw new RequestRejected(ErrorBody.apiServer400("code=400, message=" + message + ", internal=" + message));
    }

    private static JsonNode encode(String struct, JsonNode node) {
        if (node == null || !node.isObject()) {
            return node;
        }
        ObjectNode out = NODES.objectNode();
        for (Field field : STRUCTS.get(struct)) {
            JsonNode value = node.has(field.name()) ? node.get(field.name()) : zero(field);
            if (omitted(field, value)) {
                continue;
            }
            if (field.kind() == Kind.STRUCT || field.kind() == Kind.STRUCT_VALUE) {
                value = encode(field.struct(), value);
            } else if (field.kind() == Kind.LIST && value.isArray()) {
                ArrayNode list = NODES.arrayNode();
                value.forEach(element -> list.add(encode(field.struct(), element)));
                value = list;
            }
            out.set(field.name(), value);
        }
        return out;
    }

    private static JsonNode zero(Field field) {
        switch (field.kind()) {
            case STRING:
                return NODES.textNode("");
            case NUMBER:
                return NODES.numberNode(0);
            case NETWORK:
                return NODES.textNode("Default");
            case STATE_TYPE:
                return NODES.textNode("Undefined");
            case STRUCT_VALUE:
                return NODES.objectNode();
            default:
                return NODES.nullNode();
        }
    }

    private static boolean omitted(Field field, JsonNode value) {
        switch (field.omit()) {
            case NIL:
                return value.isNull();
            case EMPTY:
                return value.isNull() || (value.isTextual() && value.asText().isEmpty())
                        || (value.isNumber() && value.asDouble() == 0) || (value.isBoolean() && !value.asBoolean())
                        || (value.isContainerNode() && value.isEmpty());
            default:
                return false;
        }
    }

    private static Field field(String struct, String key) {
        Field folded = null;
        for (Field field : STRUCTS.get(struct)) {
            if (field.name().equals(key)) {
                return field;
            }
            if (folded == null && field.name().toLowerCase(Locale.ROOT).equals(key.toLowerCase(Locale.ROOT))) {
                folded = field;
            }
        }
        return folded;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, List<Field>> structs(Object... nameThenFields) {
        Map<String, List<Field>> structs = new HashMap<>();
        for (int i = 0; i < nameThenFields.length; i += 2) {
            structs.put((String) nameThenFields[i], (List<Field>) nameThenFields[i + 1]);
        }
        return Map.copyOf(structs);
    }

    private static Field s(String name) {
        return new Field(name, Kind.STRING, null, Omit.ALWAYS);
    }

    private static Field n(String name) {
        return new Field(name, Kind.NUMBER, null, Omit.ALWAYS);
    }

    private static Field f(String name, Kind kind, String struct, Omit omit) {
        return new Field(name, kind, struct, omit);
    }
}
