package io.jobdrop.spec.parse;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.YAMLException;

/** A file that grew past one of its {@link YamlLimits} while SnakeYAML was still reading it; stops the composer. */
final class ExpansionLimitException extends YAMLException {

    private static final long serialVersionUID = 1L;

    private final transient Mark mark;

    ExpansionLimitException(String message, Mark mark) {
        super(message);
        this.mark = mark;
    }

    Mark mark() {
        return mark;
    }
}
