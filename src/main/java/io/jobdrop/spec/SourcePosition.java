package io.jobdrop.spec;

/** A 1-based line and column in the source file; {@link #UNKNOWN} when there is none. */
public record SourcePosition(int line, int column) {
    public static final SourcePosition UNKNOWN = new SourcePosition(0, 0);
}
