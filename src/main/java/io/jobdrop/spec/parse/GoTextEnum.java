package io.jobdrop.spec.parse;

import java.util.function.Function;

/**
 * A Go type with {@code UnmarshalText} ({@code models.Network}, {@code models.JobStateType}): only a JSON string goes
 * through the text decoder; a number or bool is a type error without its literal, and null is ignored.
 */
final class GoTextEnum extends GoType {

    /** The decoded value, or the decoder's error message. */
    record Parsed(Object value, String error) {
    }

    private final Object zero;
    private final Function<String, Parsed> parser;

    GoTextEnum(String name, Object zero, Function<String, Parsed> parser) {
        super(name);
        this.zero = zero;
        this.parser = parser;
    }

    @Override
    Object zero() {
        return zero;
    }

    @Override
    Object decode(Binding binding, Where where, Object current, YamlNode node) {
        String kind = JsonKind.of(node);
        if (kind == null) {
            return current;
        }
        if (!kind.equals("string")) {
            binding.typeError(where, kind, this);
            return current;
        }
        Parsed parsed = parser.apply((String) ((YamlScalar) node).value());
        if (parsed.error() != null) {
            binding.decoderError(where, parsed.error());
            return current;
        }
        return parsed.value();
    }
}
