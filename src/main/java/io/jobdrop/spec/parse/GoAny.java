package io.jobdrop.spec.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code interface{}} (the values of {@code Params}): anything goes. Numbers become Go's float64 ({@link Long} when
 * whole and exact, else {@link Double}), objects {@code TreeMap}s, arrays lists; nothing is ever merged.
 */
final class GoAny extends GoType {

    static final GoAny INSTANCE = new GoAny();

    private GoAny() {
        super("interface {}");
    }

    @Override
    Object zero() {
        return null;
    }

    @Override
    Object decode(Binding binding, Where where, Object current, YamlNode node) {
        if (node instanceof YamlMap map) {
            Map<String, Object> out = new TreeMap<>();
            for (YamlMap.Entry entry : JsonOrder.entries(map, binding.sortedKeys())) {
                Where at = where.key(entry.key());
                binding.record(at, entry.value());
                out.put(entry.key(), decode(binding, at, null, entry.value()));
            }
            return out;
        }
        if (node instanceof YamlSeq seq) {
            List<Object> out = new ArrayList<>(seq.items().size());
            for (int i = 0; i < seq.items().size(); i++) {
                Where at = where.index(i);
                binding.record(at, seq.items().get(i));
                out.add(decode(binding, at, null, seq.items().get(i)));
            }
            return out;
        }
        Object v = ((YamlScalar) node).value();
        return "number".equals(JsonKind.of(node)) ? JsonKind.asFloat64(v) : v;
    }
}
