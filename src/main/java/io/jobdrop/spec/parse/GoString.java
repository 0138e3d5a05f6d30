package io.jobdrop.spec.parse;

/** {@code string} and the string types Bacalhau names ({@code models.EnvVarValue}, {@code selection.Operator}). */
final class GoString extends GoType {

    GoString(String name) {
        super(name);
    }

    @Override
    Object zero() {
        return "";
    }

    @Override
    Object decode(Binding binding, Where where, Object current, YamlNode node) {
        String kind = JsonKind.of(node);
        if (kind == null) {
            return current;
        }
        if (kind.equals("string")) {
            return ((YamlScalar) node).value();
        }
        binding.typeError(where, kind, this);
        return current;
    }
}
