package io.jobdrop.spec.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * A slice: a JSON array replaces the contents, decoding element i into the element already at i (so a pointer
 * element given twice merges, as in Go); null makes the slice nil; {@code []} gives an empty, non-nil slice.
 */
final class GoSlice extends GoType {

    private final GoType element;

    GoSlice(String name, GoType element) {
        super(name);
        this.element = element;
    }

    @Override
    Object zero() {
        return null;
    }

    @Override
    Object decode(Binding binding, Where where, Object current, YamlNode node) {
        if (JsonKind.isNull(node)) {
            return null;
        }
        if (!(node instanceof YamlSeq seq)) {
            binding.typeError(where, JsonKind.of(node), this);
            return current;
        }
        List<?> old = (List<?>) current;
        List<Object> out = new ArrayList<>(seq.items().size());
        for (int i = 0; i < seq.items().size(); i++) {
            YamlNode item = seq.items().get(i);
            Where at = where.index(i);
            binding.record(at, item);
            Object existing = old != null && i < old.size() ? old.get(i) : element.zero();
            out.add(element.decode(binding, at, existing, item));
        }
        return out;
    }
}
