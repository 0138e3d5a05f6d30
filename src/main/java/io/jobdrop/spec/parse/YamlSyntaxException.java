package io.jobdrop.spec.parse;

import io.jobdrop.spec.SourcePosition;

/**
 * A file that is not YAML (or not YAML Bacalhau can turn into JSON). The message is Bacalhau's, without the CLI's
 * {@code the job provided is invalid: } prefix, e.g.
 * {@code converting yaml to json: yaml: line 3: mapping values are not allowed in this context}; the position is where
 * the problem really is, which can differ from the line go-yaml names.
 */
public final class YamlSyntaxException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient SourcePosition position;

    public YamlSyntaxException(String message, SourcePosition position) {
        super(message);
        this.position = position;
    }

    public SourcePosition position() {
        return position;
    }
}
