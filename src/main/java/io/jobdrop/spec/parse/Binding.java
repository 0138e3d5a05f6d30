package io.jobdrop.spec.parse;

import io.jobdrop.spec.SourceMap;
import io.jobdrop.spec.Violations;

import java.util.ArrayList;
import java.util.List;

/**
 * One run of {@code encoding/json} over a job: where positions are recorded, in which order an object's keys are
 * visited, and the errors found. Go keeps the first type error and carries on, but stops at once when a custom
 * decoder fails; every error is kept here, and {@link #report} puts first the one Go would have returned.
 */
final class Binding {

    private final SourceMap sourceMap;
    private final boolean sortedKeys;
    private final List<Violations.Entry> errors = new ArrayList<>();
    private int firstDecoderError = -1;

    Binding(SourceMap sourceMap, boolean sortedKeys) {
        this.sourceMap = sourceMap;
        this.sortedKeys = sortedKeys;
    }

    boolean sortedKeys() {
        return sortedKeys;
    }

    void record(Where where, YamlNode node) {
        sourceMap.put(where.path(), node.position());
    }

    /** Go's {@code UnmarshalTypeError} as Bacalhau's CLI reformats it. */
    void typeError(Where where, String jsonValue, GoType expected) {
        errors.add(new Violations.Entry(where.path(), "field: '" + where.goField() + "' in '" + where.goStruct()
                + "' is invalid type: '" + jsonValue + "' expected: '" + expected.name() + "'"));
    }

    /** An error a custom decoder returns ({@code UnmarshalText}), passed on as it is. */
    void decoderError(Where where, String message) {
        if (firstDecoderError < 0) {
            firstDecoderError = errors.size();
        }
        errors.add(new Violations.Entry(where.path(), message));
    }

    /** An error about the value as a whole (not a field of it). */
    void error(String path, String message) {
        errors.add(new Violations.Entry(path, message));
    }

    void report(Violations to) {
        if (firstDecoderError > 0) {
            errors.add(0, errors.remove(firstDecoderError));
        }
        errors.forEach(e -> to.add(e.path(), e.message()));
    }
}
