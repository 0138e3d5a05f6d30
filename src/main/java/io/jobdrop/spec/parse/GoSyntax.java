package io.jobdrop.spec.parse;

import io.jobdrop.spec.go.GoQuoting;
import io.jobdrop.spec.go.GoStringOrder;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Go's {@code %#v} of the values go-yaml decodes into {@code interface{}}, which Bacalhau's messages print verbatim:
 * {@code yaml: invalid map key: map[interface {}]interface {}{".query":interface {}(nil)}}. Values are the raw Go
 * values of {@link NodeConverter#goValue}: maps keep their typed keys ({@link Long} 1 and {@code "1"} differ).
 */
final class GoSyntax {

    private static final String ANY_MAP = "map[interface {}]interface {}";
    private static final String ANY_SLICE = "[]interface {}";

    private GoSyntax() {
    }

    /** {@code %#v} of a non-nil value. */
    static String value(Object v) {
        if (v instanceof String s) {
            return GoQuoting.quote(s);
        }
        if (v instanceof BigInteger u) {
            return "0x" + u.toString(16);
        }
        if (v instanceof Double d) {
            return GoFloats.shortestG(d, 64);
        }
        if (v instanceof Map<?, ?> m) {
            List<Map.Entry<?, ?>> entries = new ArrayList<>(m.entrySet());
            entries.sort(Comparator.comparing((Map.Entry<?, ?> e) -> e.getKey(), GoSyntax::compareKeys));
            StringJoiner out = new StringJoiner(", ", ANY_MAP + "{", "}");
            entries.forEach(e -> out.add(element(e.getKey()) + ":" + element(e.getValue())));
            return out.toString();
        }
        if (v instanceof List<?> l) {
            StringJoiner out = new StringJoiner(", ", ANY_SLICE + "{", "}");
            l.forEach(item -> out.add(element(item)));
            return out.toString();
        }
        return String.valueOf(v);
    }

    /** {@code %+#v} of a value passed straight to {@code fmt}: a nil interface prints as {@code <nil>}. */
    static String argument(Object v) {
        return v == null ? "<nil>" : value(v);
    }

    /** {@code %s} of {@code reflect.TypeOf(v)}. */
    static String typeName(Object v) {
        if (v == null) {
            return "%!s(<nil>)";
        }
        if (v instanceof String) {
            return "string";
        }
        if (v instanceof Long) {
            return "int";
        }
        if (v instanceof BigInteger) {
            return "uint64";
        }
        if (v instanceof Double) {
            return "float64";
        }
        if (v instanceof Boolean) {
            return "bool";
        }
        return v instanceof Map ? ANY_MAP : ANY_SLICE;
    }

    /** An element of a map or slice: a nil interface prints with its type. */
    private static String element(Object v) {
        return v == null ? "interface {}(nil)" : value(v);
    }

    /**
     * fmt sorts interface keys by type, then value; the type order is Go's internal one, so a fixed order stands in
     * for it (keys of one type, the usual case, sort exactly as in Go).
     */
    private static int compareKeys(Object a, Object b) {
        int byType = Integer.compare(typeRank(a), typeRank(b));
        if (byType != 0 || a == null) {
            return byType;
        }
        if (a instanceof Boolean x) {
            return Boolean.compare(x, (Boolean) b);
        }
        if (a instanceof Long x) {
            return Long.compare(x, (Long) b);
        }
        if (a instanceof BigInteger x) {
            return x.compareTo((BigInteger) b);
        }
        if (a instanceof Double x) {
            return Double.compare(x, (Double) b);
        }
        return GoStringOrder.compare(String.valueOf(a), String.valueOf(b));
    }

    private static int typeRank(Object v) {
        if (v == null) {
            return 0;
        }
        if (v instanceof Boolean) {
            return 1;
        }
        if (v instanceof Long) {
            return 2;
        }
        if (v instanceof BigInteger) {
            return 3;
        }
        return v instanceof Double ? 4 : 5;
    }
}
