package io.jobdrop.spec;

/**
 * One thing wrong with (or worth warning about in) a job file: Bacalhau's message, the field path in Go field names
 * ({@code Tasks[0].Resources.CPU}, empty for the whole document) and the 1-based line and column in the file
 * (0 when unknown).
 */
public record Problem(String message, String path, int line, int column) {

    public static Problem at(String message, String path, SourcePosition position) {
        return new Problem(message, path, position.line(), position.column());
    }

    public static Problem unplaced(String message) {
        return new Problem(message, "", 0, 0);
    }
}
