package io.jobdrop.spec.parse;

import java.util.List;
import java.util.function.Supplier;

/**
 * A struct: object keys go to fields matched case-insensitively, unknown keys are dropped, later keys overwrite
 * earlier ones. Errors inside name this struct ({@code in 'Task'}); the job itself is named {@code job}, after the
 * alias type its custom decoder uses.
 */
final class GoStruct extends GoType {

    private final String structName;
    private final Supplier<Object> factory;
    private final List<GoField> fields;

    GoStruct(String name, String structName, Supplier<Object> factory, List<GoField> fields) {
        super(name);
        this.structName = structName;
        this.factory = factory;
        this.fields = List.copyOf(fields);
    }

    @Override
    Object zero() {
        return factory.get();
    }

    /** Decodes into {@code current} (a Go struct value always exists, so a missing one is made). */
    @Override
    Object decode(Binding binding, Where where, Object existing, YamlNode node) {
        Object current = existing != null ? existing : zero();
        if (node instanceof YamlMap map) {
            for (YamlMap.Entry entry : JsonOrder.entries(map, binding.sortedKeys())) {
                GoField field = field(entry.key());
                if (field == null) {
                    continue;
                }
                Where at = where.field(field.name(), structName);
                binding.record(at, entry.value());
                field.set().accept(current, field.type().decode(binding, at, field.get().apply(current), entry.value()));
            }
            return current;
        }
        String kind = JsonKind.of(node);
        if (kind != null) {
            binding.typeError(where, kind, this);
        }
        return current;
    }

    private GoField field(String key) {
        for (GoField f : fields) {
            if (f.name().equals(key)) {
                return f;
            }
        }
        for (GoField f : fields) {
            if (f.matches(key)) {
                return f;
            }
        }
        return null;
    }
}
