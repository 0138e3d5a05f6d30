package io.jobdrop.intake.imports;

/** The source of a fire could not be read (file or folder missing, URL down or refusing): the fire is retried. */
public final class SourceUnreachable extends Exception {

    public SourceUnreachable(String message) {
        super(message);
    }

    public SourceUnreachable(String message, Throwable cause) {
        super(message, cause);
    }
}
