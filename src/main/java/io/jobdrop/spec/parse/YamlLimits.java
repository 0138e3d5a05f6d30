package io.jobdrop.spec.parse;

/**
 * How far one file may expand while it is read: {@code documents} ({@code ---} separated), {@code depth} of nested
 * mappings and sequences, {@code elements} (mappings, sequences
 * and scalars of all documents, counted once as written and once more as expanded through aliases) and
 * {@code valueBytes} (the characters of every scalar once aliases are expanded: a bound on the JSON the file becomes).
 */
public record YamlLimits(int documents, int depth, long elements, long valueBytes) {

    /**
     * The depth is below go-yaml's and encoding/json's 10,000 because Jackson refuses to write JSON deeper than 1,000
     * levels and parsing, binding and writing all recurse on the thread's stack (2,000 levels overflow it); real jobs
     * nest about a dozen. 400,000 elements is where go-yaml's alias budget starts to shrink.
     */
    public static final YamlLimits DEFAULTS = new YamlLimits(1000, 500, 400_000, 20L * 1024 * 1024);

    public YamlLimits {
        if (documents < 1 || depth < 1 || elements < 1 || valueBytes < 1) {
            throw new IllegalArgumentException("YAML limits must be positive");
        }
    }
}
