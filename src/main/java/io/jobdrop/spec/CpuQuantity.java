package io.jobdrop.spec;

import io.jobdrop.spec.go.GoNumbers;

import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * A CPU request the way Bacalhau reads it (BTBurke/k8sresource): {@code 500m} is 500 millicores, anything else is a
 * Go float of cores turned into millicores with {@code int(cores * 1000)}, truncated toward zero ({@code 0.0001} is 0).
 */
public final class CpuQuantity {

    private static final double TWO_POW_63 = 0x1p63;

    private CpuQuantity() {
    }

    /**
     * Millicores of a normalized CPU string (see {@link ResourcesConfig#normalizeQuantity}), or empty where the library
     * fails. {@code inf}, {@code nan} and values beyond the int64 range give {@link Long#MIN_VALUE}, as Go's float to
     * int conversion does on amd64, so they count as negative.
     */
    public static OptionalLong parseMillis(String text) {
        if (text.endsWith("m")) {
            return parseGoInt(text.substring(0, text.length() - 1));
        }
        OptionalDouble cores = GoNumbers.parseFloat(text);
        if (cores.isEmpty()) {
            return OptionalLong.empty();
        }
        double millis = cores.getAsDouble() * 1000.0;
        if (Double.isNaN(millis) || Math.abs(millis) >= TWO_POW_63) {
            return OptionalLong.of(Long.MIN_VALUE);
        }
        return OptionalLong.of((long) millis);
    }

    /** Cores as Bacalhau holds them ({@code float64(millicores) / 1000}). */
    public static double cores(long millis) {
        return millis / 1000.0;
    }

    /** Go's {@code strconv.Atoi}: an optional sign and ASCII digits, within int64. */
    static OptionalLong parseGoInt(String s) {
        int start = !s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-') ? 1 : 0;
        if (start == s.length() || !allAsciiDigits(s, start)) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(s));
        } catch (NumberFormatException outOfRange) {
            return OptionalLong.empty();
        }
    }

    static boolean allAsciiDigits(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
