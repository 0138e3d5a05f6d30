package io.jobdrop.spec.parse;

import io.jobdrop.spec.SourcePosition;

import java.util.List;

/** A sequence, items in document order. */
public record YamlSeq(List<YamlNode> items, SourcePosition position) implements YamlNode {

    public YamlSeq {
        items = List.copyOf(items);
    }
}
