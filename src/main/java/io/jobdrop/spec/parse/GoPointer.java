package io.jobdrop.spec.parse;

/**
 * A pointer to a struct ({@code *SpecConfig}, {@code *Task}): null makes it nil; anything else decodes into the
 * existing struct, or a new one. Go allocates before it looks at the value, so even a type error leaves an empty
 * struct behind.
 */
final class GoPointer extends GoType {

    private final GoStruct target;

    GoPointer(GoStruct target) {
        super(target.name());
        this.target = target;
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
        Object struct = current != null ? current : target.zero();
        return target.decode(binding, where, struct, node);
    }
}
