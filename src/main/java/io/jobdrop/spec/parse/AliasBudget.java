package io.jobdrop.spec.parse;

/**
 * go-yaml's defence against alias bombs ("billion laughs"): it counts every node it decodes and those decoded inside
 * an alias, and gives up with {@code document contains excessive aliasing} once aliases make up too much of the
 * document (99% for small documents, sliding to 10% for very large ones).
 */
final class AliasBudget {

    private static final long RANGE_LOW = 400_000;
    private static final long RANGE_HIGH = 4_000_000;

    private long decodes;
    private long aliased;
    private int aliasDepth;

    /** Counts one decoded node; false once the document is over budget. */
    boolean decode() {
        decodes++;
        if (aliasDepth > 0) {
            aliased++;
        }
        return !(aliased > 100 && decodes > 1000 && (double) aliased / decodes > allowedRatio(decodes));
    }

    void enterAlias() {
        aliasDepth++;
    }

    void leaveAlias() {
        aliasDepth--;
    }

    private static double allowedRatio(long decodes) {
        if (decodes <= RANGE_LOW) {
            return 0.99;
        }
        if (decodes >= RANGE_HIGH) {
            return 0.10;
        }
        return 0.99 - 0.89 * ((double) (decodes - RANGE_LOW) / (RANGE_HIGH - RANGE_LOW));
    }
}
