package io.jobdrop.spec.parse;

/**
 * {@code int}, {@code int64} or {@code uint64}. Go re-reads the number's JSON text, so {@code 1.0} (written as
 * {@code 1}) is fine while {@code 1.5} or {@code 1e+21} fail with their text in the message.
 */
final class GoInteger extends GoType {

    private final boolean unsigned;

    GoInteger(String name, boolean unsigned) {
        super(name);
        this.unsigned = unsigned;
    }

    @Override
    Object zero() {
        return 0L;
    }

    @Override
    Object decode(Binding binding, Where where, Object current, YamlNode node) {
        String kind = JsonKind.of(node);
        if (kind == null) {
            return current;
        }
        if (!kind.equals("number")) {
            binding.typeError(where, kind, this);
            return current;
        }
        String text = JsonKind.numberText(((YamlScalar) node).value());
        try {
            return unsigned ? Long.parseUnsignedLong(text) : Long.parseLong(text);
        } catch (NumberFormatException e) {
            binding.typeError(where, "number " + text, this);
            return current;
        }
    }
}
