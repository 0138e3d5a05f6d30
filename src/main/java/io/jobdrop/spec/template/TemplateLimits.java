package io.jobdrop.spec.template;

/**
 * How much work one template may do. Go's text/template has no such bounds (a {@code {{range 1000000000000}}} runs
 * for hours), so they are jobdrop's: {@code outputBytes} caps the rendered text and, separately, the strings that
 * functions such as printf build on the way (a variable doubled in a loop), {@code steps} caps the nodes executed,
 * range iterations and function calls together, and {@code tokens} the tokens parsed (a parse tree takes a few
 * hundred bytes per action: 10 MB of {@code {{1}}} would be 800 MB of tree).
 */
public record TemplateLimits(long outputBytes, long steps, long tokens) {

    /**
     * Output as large as a job file may be (Bacalhau's 10 MiB); ten million steps, about a second of work; 400,000
     * tokens, some 130,000 actions.
     */
    public static final TemplateLimits DEFAULTS = new TemplateLimits(10L * 1024 * 1024, 10_000_000L, 400_000L);

    public TemplateLimits {
        if (outputBytes < 1 || steps < 1 || tokens < 1) {
            throw new IllegalArgumentException("template limits must be positive: " + outputBytes + ", " + steps
                    + ", " + tokens);
        }
    }
}
