package io.jobdrop.spec.parse;

import io.jobdrop.spec.SourcePosition;

/**
 * A YAML node as go-yaml v2 hands it to {@code sigs.k8s.io/yaml}: scalars already resolved to Go values, aliases and
 * merge keys expanded, mapping keys turned into JSON strings. Each node remembers where it was written.
 */
public sealed interface YamlNode permits YamlMap, YamlSeq, YamlScalar {

    /** The 1-based line and column where the node starts (for an alias, where its anchor was defined). */
    SourcePosition position();
}
