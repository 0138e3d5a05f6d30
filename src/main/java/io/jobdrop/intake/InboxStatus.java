package io.jobdrop.intake;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The inbox's last filing problem, for health: set when a recorded file cannot be filed into .done/ or .error/ (a full
 * volume, lost permissions), cleared by the next file that is filed. Its text names the cause as the file system gave it.
 */
public final class InboxStatus {

    private final AtomicReference<String> problem = new AtomicReference<>();

    public void failed(String what) {
        problem.set(what);
    }

    public void filed() {
        if (problem.get() != null) {
            problem.set(null);
        }
    }

    public Optional<String> problem() {
        return Optional.ofNullable(problem.get());
    }
}
