package io.jobdrop.spec.parse;

import io.jobdrop.spec.SourcePosition;

/**
 * A scalar resolved the way go-yaml v2 resolves it: {@link String}, {@link Long} (Go int), {@link java.math.BigInteger}
 * (Go uint64 above the int64 range), {@link Double} (Go float64, possibly infinite or NaN), {@link Boolean}, or
 * {@code null}.
 */
public record YamlScalar(Object value, SourcePosition position) implements YamlNode {
}
