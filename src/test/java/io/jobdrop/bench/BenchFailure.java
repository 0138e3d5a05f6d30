package io.jobdrop.bench;

/** The benchmark could not measure what it set out to: a process died, a job went missing, a phase stalled. */
public final class BenchFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BenchFailure(String message) {
        super(message);
    }
}
