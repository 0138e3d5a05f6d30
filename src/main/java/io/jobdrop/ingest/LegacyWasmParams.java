package io.jobdrop.ingest;

import io.jobdrop.spec.GoText;
import io.jobdrop.spec.InputSource;
import io.jobdrop.spec.SpecConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * WASM engine params read the way Bacalhau's LegacyWasmModuleTransformer reads them: Go's {@code encoding/json}
 * decoding the params into a struct. Keys match field names ignoring case and are visited in sorted order (the params
 * were just marshalled from a Go map), so the last spelling wins; unknown keys are ignored; a value of the wrong JSON
 * kind fails the whole decode with Go's {@code json: cannot unmarshal ...} message.
 */
final class LegacyWasmParams {

    /** The legacy (v1.6) shape: modules are input sources. */
    InputSource entryModule;
    List<InputSource> importModules;
    String entryPoint = "";
    List<Object> parameters;

    /** The new (v1.7+) shape's entry module: the Target of an input source. */
    static final class NewShape {
        String entryModule = "";
    }

    static final class DecodeException extends Exception {
        private static final long serialVersionUID = 1L;

        DecodeException(String message) {
            super(message);
        }
    }

    private LegacyWasmParams() {
    }

    /** Decodes into the new shape ({@code wasmmodels.DecodeSpec}); nil params are an error there. */
    static NewShape decodeNewShape(Map<String, Object> params) throws DecodeException {
        if (params == null) {
            throw new DecodeException("invalid wasm engine params: params cannot be nil");
        }
        NewShape shape = new NewShape();
        for (String key : GoText.sorted(params.keySet())) {
            Object value = params.get(key);
            if (key.equalsIgnoreCase("EntryModule")) {
                shape.entryModule = string(value, shape.entryModule, "EngineSpec", "EntryModule");
            } else if (key.equalsIgnoreCase("Entrypoint")) {
                string(value, "", "EngineSpec", "Entrypoint");
            } else if (key.equalsIgnoreCase("Parameters")) {
                strings(value, "EngineSpec", "Parameters");
            } else if (key.equalsIgnoreCase("ImportModules")) {
                strings(value, "EngineSpec", "ImportModules");
            }
        }
        return shape;
    }

    /** Decodes into the legacy shape; nil params decode to nothing, as JSON {@code null} does in Go. */
    static LegacyWasmParams decodeLegacy(Map<String, Object> params) throws DecodeException {
        LegacyWasmParams legacy = new LegacyWasmParams();
        if (params == null) {
            return legacy;
        }
        for (String key : GoText.sorted(params.keySet())) {
            Object value = params.get(key);
            if (key.equalsIgnoreCase("EntryModule")) {
                legacy.entryModule = inputSource(value, "legacySpec", "EntryModule");
            } else if (key.equalsIgnoreCase("ImportModules")) {
                legacy.importModules = inputSources(value);
            } else if (key.equalsIgnoreCase("EntryPoint")) {
                legacy.entryPoint = string(value, legacy.entryPoint, "legacySpec", "EntryPoint");
            } else if (key.equalsIgnoreCase("Parameters")) {
                legacy.parameters = strings(value, "legacySpec", "Parameters");
            }
        }
        return legacy;
    }

    private static InputSource inputSource(Object value, String struct, String field) throws DecodeException {
        if (value == null) {
            return null;
        }
        Map<String, Object> object = object(value, struct, field, "models.InputSource");
        InputSource source = new InputSource();
        for (String key : GoText.sorted(object.keySet())) {
            Object v = object.get(key);
            if (key.equalsIgnoreCase("Source")) {
                source.source = specConfig(v, field + ".Source");
            } else if (key.equalsIgnoreCase("Alias")) {
                source.alias = string(v, source.alias, "InputSource", field + ".Alias");
            } else if (key.equalsIgnoreCase("Target")) {
                source.target = string(v, source.target, "InputSource", field + ".Target");
            }
        }
        return source;
    }

    private static List<InputSource> inputSources(Object value) throws DecodeException {
        if (value == null) {
            return null;
        }
        if (!(value instanceof List<?> list)) {
            throw typeError(value, "legacySpec", "ImportModules", "[]*models.InputSource");
        }
        List<InputSource> sources = new ArrayList<>();
        for (Object element : list) {
            sources.add(inputSource(element, "legacySpec", "ImportModules"));
        }
        return sources;
    }

    private static SpecConfig specConfig(Object value, String field) throws DecodeException {
        if (value == null) {
            return null;
        }
        Map<String, Object> object = object(value, "InputSource", field, "models.SpecConfig");
        SpecConfig config = new SpecConfig();
        for (String key : GoText.sorted(object.keySet())) {
            Object v = object.get(key);
            if (key.equalsIgnoreCase("Type")) {
                config.type = string(v, config.type, "SpecConfig", field + ".Type");
            } else if (key.equalsIgnoreCase("Params")) {
                config.params = v == null ? null
                        : new LinkedHashMap<>(object(v, "SpecConfig", field + ".Params", "map[string]interface {}"));
            }
        }
        return config;
    }

    /** A string field: JSON null leaves the field as it was. */
    private static String string(Object value, String current, String struct, String field) throws DecodeException {
        if (value == null) {
            return current;
        }
        if (!(value instanceof String s)) {
            throw typeError(value, struct, field, "string");
        }
        return s;
    }

    /** A {@code []string} field: JSON null elements become empty strings. */
    private static List<Object> strings(Object value, String struct, String field) throws DecodeException {
        if (value == null) {
            return null;
        }
        if (!(value instanceof List<?> list)) {
            throw typeError(value, struct, field, "[]string");
        }
        List<Object> out = new ArrayList<>();
        for (Object element : list) {
            out.add(string(element, "", struct, field));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value, String struct, String field, String goType)
            throws DecodeException {
        if (!(value instanceof Map<?, ?> map)) {
            throw typeError(value, struct, field, goType);
        }
        return (Map<String, Object>) map;
    }

    private static DecodeException typeError(Object value, String struct, String field, String goType) {
        return new DecodeException("json: cannot unmarshal " + jsonKind(value) + " into Go struct field " + struct + "."
                + field + " of type " + goType);
    }

    private static String jsonKind(Object value) {
        if (value instanceof String) {
            return "string";
        }
        if (value instanceof Number) {
            return "number";
        }
        if (value instanceof Boolean) {
            return "bool";
        }
        if (value instanceof List<?>) {
            return "array";
        }
        return "object";
    }
}
