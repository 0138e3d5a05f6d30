package io.jobdrop.ingest;

import io.jobdrop.spec.Problem;
import java.util.List;

/**
 * The verdict on one job file: accepted when every job in it is, with no errors; otherwise rejected, with every error
 * found. The unit is the file: a rejected file contributes no jobs.
 */
public record FileVerdict(String file, List<Problem> errors, List<Problem> warnings, List<AcceptedJob> jobs) {

    public boolean accepted() {
        return errors.isEmpty();
    }

    public static FileVerdict rejected(String file, List<Problem> errors, List<Problem> warnings) {
        return new FileVerdict(file, List.copyOf(errors), List.copyOf(warnings), List.of());
    }
}
