package io.jobdrop.spec.parse;

import io.jobdrop.spec.SourceMap;
import io.jobdrop.spec.Violations;

/**
 * JSON has no infinity or NaN, so {@code json.Marshal} refuses {@code .inf} and {@code .nan} wherever they are, even
 * in Params: {@code converting yaml to json: json: unsupported value: +Inf}. Go stops at the first (in its sorted key
 * order); each one is reported here, at its path as written.
 */
final class UnsupportedValues {

    private UnsupportedValues() {
    }

    /** True when the document has none; otherwise each is added to {@code errors}. */
    static boolean check(YamlNode root, Violations errors, SourceMap sourceMap) {
        return walk(root, "", errors, sourceMap);
    }

    private static boolean walk(YamlNode node, String path, Violations errors, SourceMap sourceMap) {
        if (node instanceof YamlMap map) {
            boolean ok = true;
            for (YamlMap.Entry e : JsonOrder.entries(map, true)) {
                ok &= walk(e.value(), path.isEmpty() ? e.key() : path + "." + e.key(), errors, sourceMap);
            }
            return ok;
        }
        if (node instanceof YamlSeq seq) {
            boolean ok = true;
            for (int i = 0; i < seq.items().size(); i++) {
                ok &= walk(seq.items().get(i), path + "[" + i + "]", errors, sourceMap);
            }
            return ok;
        }
        if (((YamlScalar) node).value() instanceof Double d && (d.isInfinite() || d.isNaN())) {
            sourceMap.put(path, node.position());
            errors.add(path, "converting yaml to json: json: unsupported value: " + GoFloats.shortestG(d, 64));
            return false;
        }
        return true;
    }
}
