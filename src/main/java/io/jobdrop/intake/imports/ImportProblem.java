package io.jobdrop.intake.imports;

import java.nio.file.Path;

/** Why an import file, or one import in it, was not loaded: the file, line and column, and what is wrong there. */
public record ImportProblem(Path file, int line, int column, String message) {

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ":" + column + ": " + message : file + ": " + message;
    }
}
