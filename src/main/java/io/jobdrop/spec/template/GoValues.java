package io.jobdrop.spec.template;

import java.util.List;
import java.util.Map;

/**
 * How template values map onto Go's: String is string, Long is int, Double float64, Boolean bool, {@link GoComplex}
 * complex128, {@link GoUint8} uint8, the data Map map[string]string, a List a slice, and null Go's untyped nil (an
 * invalid reflect.Value).
 */
final class GoValues {
    /** The absent final argument of a pipeline stage (exec.go's missingVal); distinct from nil. */
    static final Object MISSING = new Object() {
        @Override
        public String toString() {
            return "<missing>";
        }
    };

    private GoValues() {
    }

    /** reflect.Type.String() of a value. */
    static String typeName(Object v) {
        if (v instanceof String) {
            return "string";
        }
        if (v instanceof Long) {
            return "int";
        }
        if (v instanceof Double) {
            return "float64";
        }
        if (v instanceof Boolean) {
            return "bool";
        }
        if (v instanceof GoComplex) {
            return "complex128";
        }
        if (v instanceof GoUint8) {
            return "uint8";
        }
        if (v instanceof Map) {
            return "map[string]string";
        }
        if (v instanceof List<?> list) {
            return list.stream().allMatch(e -> e instanceof String) ? "[]string" : "[]interface {}";
        }
        return "<nil>";
    }

    /** Go's truth: empty strings, maps and slices, zero numbers, false and nil are false. */
    static boolean isTrue(Object v) {
        if (v == null) {
            return false;
        }
        if (v instanceof String s) {
            return !s.isEmpty();
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof Long l) {
            return l != 0;
        }
        if (v instanceof Double d) {
            return d != 0;
        }
        if (v instanceof GoUint8 b) {
            return b.value() != 0;
        }
        if (v instanceof GoComplex c) {
            return c.real() != 0 || c.imag() != 0;
        }
        if (v instanceof Map<?, ?> m) {
            return !m.isEmpty();
        }
        if (v instanceof List<?> l) {
            return !l.isEmpty();
        }
        return true;
    }
}
