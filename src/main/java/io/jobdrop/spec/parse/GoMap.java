package io.jobdrop.spec.parse;

import java.util.Map;
import java.util.TreeMap;

/**
 * A {@code map[string]T}: keys are data, kept as written; each value decodes from T's zero value (so a null string
 * value becomes {@code ""}); entries add to the map already there. Go's error context does not name map keys, so a
 * bad value reports the map's own field ({@code field: 'Meta' in 'job'}).
 */
final class GoMap extends GoType {

    private final GoType value;

    GoMap(String name, GoType value) {
        super(name);
        this.value = value;
    }

    @Override
    Object zero() {
        return null;
    }

    @Override
    @SuppressWarnings("unchecked")
    Object decode(Binding binding, Where where, Object current, YamlNode node) {
        if (JsonKind.isNull(node)) {
            return null;
        }
        if (!(node instanceof YamlMap map)) {
            binding.typeError(where, JsonKind.of(node), this);
            return current;
        }
        Map<String, Object> out = current != null ? (Map<String, Object>) current : new TreeMap<>();
        for (YamlMap.Entry entry : JsonOrder.entries(map, binding.sortedKeys())) {
            Where at = where.key(entry.key());
            binding.record(at, entry.value());
            out.put(entry.key(), value.decode(binding, at, value.zero(), entry.value()));
        }
        return out;
    }
}
