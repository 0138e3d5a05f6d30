package io.jobdrop.spec.parse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The order in which Go walks an object's keys. A job file goes through {@code sigs.k8s.io/yaml}, whose
 * {@code json.Marshal} sorts every map's keys by bytes, so a later key in that order wins; an API body is decoded
 * straight from the text, keys in document order.
 */
final class JsonOrder {

    /** Go's string order: UTF-8 bytes, i.e. code points (Java's {@code compareTo} orders UTF-16 units). */
    static final Comparator<String> BYTES = (a, b) -> {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    };

    private JsonOrder() {
    }

    static List<YamlMap.Entry> entries(YamlMap map, boolean sorted) {
        if (!sorted) {
            return map.entries();
        }
        List<YamlMap.Entry> out = new ArrayList<>(map.entries());
        out.sort(Comparator.comparing(YamlMap.Entry::key, BYTES));
        return out;
    }
}
