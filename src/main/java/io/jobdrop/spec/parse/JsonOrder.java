package io.jobdrop.spec.parse;

import io.jobdrop.spec.go.GoStringOrder;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The order in which Go walks an object's keys. A job file goes through {@code sigs.k8s.io/yaml}, whose
 * {@code json.Marshal} sorts every map's keys by bytes, so a later key in that order wins; an API body is decoded
 * straight from the text, keys in document order.
 */
final class JsonOrder {

    private JsonOrder() {
    }

    static List<YamlMap.Entry> entries(YamlMap map, boolean sorted) {
        if (!sorted) {
            return map.entries();
        }
        List<YamlMap.Entry> out = new ArrayList<>(map.entries());
        out.sort(Comparator.comparing(YamlMap.Entry::key, GoStringOrder.BYTE_ORDER));
        return out;
    }
}
