package io.jobdrop.spec.parse;

/**
 * A Go type of Bacalhau's job model, decoding the way {@code encoding/json} decodes into it. {@code current} is the
 * value already there (Go decodes into existing maps, pointers and slice elements, so a key given twice merges);
 * the result is the new value. A JSON null leaves scalars and structs alone and clears pointers, maps and slices.
 */
abstract class GoType {

    private final String name;

    GoType(String name) {
        this.name = name;
    }

    /** The type as Go's {@code reflect.Type.String()} prints it in error messages. */
    final String name() {
        return name;
    }

    /** Go's zero value, as the Java model holds it. */
    abstract Object zero();

    abstract Object decode(Binding binding, Where where, Object current, YamlNode node);
}
