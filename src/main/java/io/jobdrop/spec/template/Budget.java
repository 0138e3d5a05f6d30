package io.jobdrop.spec.template;

/**
 * What one execution has spent of its {@link TemplateLimits}. Spending past a limit throws {@link Exhausted}, which
 * the executor reports at the node it is at, so the user sees the line and column of the loop or call to blame.
 */
final class Budget {

    /** A limit was reached; the message names it and the setting that raises it. */
    static final class Exhausted extends RuntimeException {
        Exhausted(String message) {
            super(message, null, false, false);
        }
    }

    private final TemplateLimits limits;
    private long steps;
    private long built;

    Budget(TemplateLimits limits) {
        this.limits = limits;
    }

    /** One node executed, range iteration or function call. */
    void step() {
        if (++steps > limits.steps()) {
            throw new Exhausted("template execution exceeds " + limits.steps()
                    + " steps (jobdrop.limits.template-steps)");
        }
    }

    /** The rendered text has grown to {@code length} (chars or bytes: a char is at least one byte). */
    void output(long length) {
        if (length > limits.outputBytes()) {
            throw new Exhausted("template output exceeds " + limits.outputBytes()
                    + " bytes (jobdrop.limits.template-output-bytes)");
        }
    }

    /** A function built a string of {@code length}; all of them together may be as large as the output. */
    void built(long length) {
        built += length;
        if (built > limits.outputBytes()) {
            throw new Exhausted("template functions build more than " + limits.outputBytes()
                    + " bytes of strings (jobdrop.limits.template-output-bytes)");
        }
    }

    /** How much more a function may build: formatting stops as soon as it has built more than this. */
    long room() {
        return limits.outputBytes() - built;
    }
}
