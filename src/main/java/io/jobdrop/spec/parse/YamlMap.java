package io.jobdrop.spec.parse;

import io.jobdrop.spec.SourcePosition;

import java.util.List;

/**
 * A mapping in document order. Keys are the JSON strings {@code sigs.k8s.io/yaml} makes of them ({@code 1} becomes
 * {@code "1"}, {@code true} becomes {@code "true"}); of two entries with the same key only the later one is kept, at
 * its own place, as Go's map assignment does.
 */
public record YamlMap(List<YamlMap.Entry> entries, SourcePosition position) implements YamlNode {

    public YamlMap {
        entries = List.copyOf(entries);
    }

    /** One key and its value; the key position points at the key as written. */
    public record Entry(String key, SourcePosition keyPosition, YamlNode value) {
    }
}
