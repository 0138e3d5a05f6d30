package io.jobdrop.spec;

/**
 * Go's {@code time.Duration.String()}: {@code -3s}, {@code 1m40s}, {@code 1h0m0s}, {@code 1.5ms}, {@code 0s}. Bacalhau
 * prints timeouts this way, and computes them as {@code time.Duration(seconds) * time.Second}, which wraps around on
 * overflow exactly like Java's long multiplication.
 */
public final class GoDuration {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private GoDuration() {
    }

    /** Bacalhau's {@code time.Duration(seconds) * time.Second}, printed. */
    public static String ofSeconds(long seconds) {
        return format(seconds * NANOS_PER_SECOND);
    }

    public static String format(long nanos) {
        StringBuilder reversed = new StringBuilder(32);
        boolean negative = nanos < 0;
        long u = negative ? -nanos : nanos; // unsigned from here on: -Long.MIN_VALUE is 2^63
        if (Long.compareUnsigned(u, NANOS_PER_SECOND) < 0) {
            if (u == 0) {
                return "0s";
            }
            int precision;
            reversed.append('s');
            if (u < 1_000L) {
                precision = 0;
                reversed.append('n');
            } else if (u < 1_000_000L) {
                precision = 3;
                reversed.append('µ');
            } else {
                precision = 6;
                reversed.append('m');
            }
            u = appendFraction(reversed, u, precision);
            appendInteger(reversed, u);
        } else {
            reversed.append('s');
            u = appendFraction(reversed, u, 9);
            appendInteger(reversed, Long.remainderUnsigned(u, 60));
            u = Long.divideUnsigned(u, 60);
            if (u > 0) {
                reversed.append('m');
                appendInteger(reversed, u % 60);
                u /= 60;
                if (u > 0) {
                    reversed.append('h');
                    appendInteger(reversed, u);
                }
            }
        }
        if (negative) {
            reversed.append('-');
        }
        return reversed.reverse().toString();
    }

    /** Appends (reversed) the non-zero fraction digits of {@code v / 10^precision} and returns the integer part. */
    private static long appendFraction(StringBuilder reversed, long v, int precision) {
        boolean print = false;
        for (int i = 0; i < precision; i++) {
            long digit = Long.remainderUnsigned(v, 10);
            print = print || digit != 0;
            if (print) {
                reversed.append((char) ('0' + digit));
            }
            v = Long.divideUnsigned(v, 10);
        }
        if (print) {
            reversed.append('.');
        }
        return v;
    }

    private static void appendInteger(StringBuilder reversed, long v) {
        if (v == 0) {
            reversed.append('0');
            return;
        }
        while (v != 0) {
            reversed.append((char) ('0' + Long.remainderUnsigned(v, 10)));
            v = Long.divideUnsigned(v, 10);
        }
    }
}
