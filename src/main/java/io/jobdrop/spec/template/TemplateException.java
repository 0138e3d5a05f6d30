package io.jobdrop.spec.template;

import io.jobdrop.spec.SourcePosition;

/**
 * A job template that Go's text/template would refuse. The message is Go's, word for word, e.g.
 * {@code template: :11:14: executing "" at <.query>: map has no entry for key "query"}.
 */
public final class TemplateException extends Exception {
    private final SourcePosition position;
    private final boolean parsing;

    TemplateException(String goMessage, SourcePosition position, boolean parsing) {
        super(goMessage);
        this.position = position;
        this.parsing = parsing;
    }

    /** 1-based line and column of the failing node or token; the column counts bytes, as Go's does. */
    public SourcePosition position() {
        return position;
    }

    /** The message as `bacalhau job run` prints it after "the job provided is invalid: ". */
    public String bacalhauMessage() {
        return (parsing ? "failed to parse template: " : "failed to execute template: ") + getMessage();
    }
}
