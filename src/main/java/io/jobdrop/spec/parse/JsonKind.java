package io.jobdrop.spec.parse;

/**
 * A node as the JSON text {@code sigs.k8s.io/yaml} would write for it: its kind in {@code encoding/json}'s error
 * words, and a number's literal, which Go re-reads when it decodes into an integer field.
 */
final class JsonKind {

    private JsonKind() {
    }

    /** {@code object}, {@code array}, {@code string}, {@code number}, {@code bool}, or {@code null} for JSON null. */
    static String of(YamlNode node) {
        if (node instanceof YamlMap) {
            return "object";
        }
        if (node instanceof YamlSeq) {
            return "array";
        }
        Object v = ((YamlScalar) node).value();
        if (v == null) {
            return null;
        }
        if (v instanceof String) {
            return "string";
        }
        return v instanceof Boolean ? "bool" : "number";
    }

    static boolean isNull(YamlNode node) {
        return node instanceof YamlScalar s && s.value() == null;
    }

    /** The number as json.Marshal writes it: integers as they are, floats in Go's shortest form. */
    static String numberText(Object number) {
        if (number instanceof Double d) {
            return GoFloats.json(d);
        }
        return ((Number) number).toString();
    }

    /** Go decodes a number into {@code interface{}} as float64: whole values that are exact stay {@link Long}. */
    static Object asFloat64(Object number) {
        double d = number instanceof Double x ? x : Double.parseDouble(numberText(number));
        if (d == Math.rint(d) && Math.abs(d) < 0x1p53) {
            return (long) d;
        }
        return d;
    }
}
