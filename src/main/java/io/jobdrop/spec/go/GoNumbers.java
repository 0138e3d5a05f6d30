package io.jobdrop.spec.go;

import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Go's {@code strconv.ParseUint(s, 0, 64)}, {@code ParseInt(s, 0, 64)} and {@code ParseFloat(s, 64)}: which texts they
 * accept and what they return; empty where Go returns an error. Java's parsers differ in the accepted syntax (no
 * {@code 0b}/{@code 0o} prefixes or underscores, float suffixes {@code d}/{@code f}, surrounding blanks, the case of
 * {@code Infinity}) and report float overflow as infinity, so the syntax is checked here the way strconv does and only
 * the float conversion is left to Java (both round correctly).
 */
public final class GoNumbers {

    private GoNumbers() {
    }

    /** The value as unsigned 64-bit bits: base from the prefix ({@code 0x}, {@code 0o}, {@code 0b}, leading 0). */
    public static OptionalLong parseUint(String s) {
        if (s.isEmpty()) {
            return OptionalLong.empty();
        }
        String digits = s;
        int base = 10;
        if (s.charAt(0) == '0') {
            char prefix = s.length() >= 3 ? Character.toLowerCase(s.charAt(1)) : 0;
            if (prefix == 'b' || prefix == 'o' || prefix == 'x') {
                base = prefix == 'b' ? 2 : prefix == 'o' ? 8 : 16;
                digits = s.substring(2);
            } else {
                base = 8;
                digits = s.substring(1);
            }
        }
        long cutoff = Long.divideUnsigned(-1L, base) + 1;
        long n = 0;
        boolean underscores = false;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c == '_') {
                underscores = true;
                continue;
            }
            int d = c < 0x80 ? Character.digit(c, 36) : -1;
            if (d < 0 || d >= base) {
                return OptionalLong.empty();
            }
            if (Long.compareUnsigned(n, cutoff) >= 0) {
                return OptionalLong.empty();
            }
            n *= base;
            long sum = n + d;
            if (Long.compareUnsigned(sum, n) < 0) {
                return OptionalLong.empty();
            }
            n = sum;
        }
        if (underscores && !underscoresOk(s)) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(n);
    }

    /** An optional sign, then {@link #parseUint}'s syntax, within int64. */
    public static OptionalLong parseInt(String s) {
        if (s.isEmpty()) {
            return OptionalLong.empty();
        }
        boolean negative = s.charAt(0) == '-';
        String magnitude = s.charAt(0) == '+' || negative ? s.substring(1) : s;
        OptionalLong parsed = parseUint(magnitude);
        if (parsed.isEmpty()) {
            return OptionalLong.empty();
        }
        long u = parsed.getAsLong();
        long limit = Long.MIN_VALUE; // 1<<63 as unsigned bits
        if (!negative && Long.compareUnsigned(u, limit) >= 0) {
            return OptionalLong.empty();
        }
        if (negative && Long.compareUnsigned(u, limit) > 0) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(negative ? -u : u);
    }

    /**
     * Decimal or hexadecimal ({@code 0x1p-2}) floats and {@code inf}/{@code infinity}/{@code nan}; a finite text beyond
     * the float64 range is an error.
     */
    public static OptionalDouble parseFloat(String s) {
        Double special = special(s);
        if (special != null) {
            return OptionalDouble.of(special);
        }
        if (!wellFormedFloat(s)) {
            return OptionalDouble.empty();
        }
        double value = Double.parseDouble(s.replace("_", ""));
        return Double.isInfinite(value) ? OptionalDouble.empty() : OptionalDouble.of(value);
    }

    /** {@code inf}, {@code infinity} (signed) and {@code nan}, any case; only when they are the whole text. */
    private static Double special(String s) {
        if (s.isEmpty()) {
            return null;
        }
        int sign = 1;
        String rest = s;
        char first = s.charAt(0);
        if (first == '+' || first == '-') {
            sign = first == '-' ? -1 : 1;
            rest = s.substring(1);
        } else if (first == 'n' || first == 'N') {
            return rest.equalsIgnoreCase("nan") ? Double.NaN : null;
        }
        if (rest.equalsIgnoreCase("inf") || rest.equalsIgnoreCase("infinity")) {
            return sign * Double.POSITIVE_INFINITY;
        }
        return null;
    }

    /** strconv's {@code readFloat}: mantissa, then an exponent ({@code p}, required after a hexadecimal mantissa). */
    private static boolean wellFormedFloat(String s) {
        int n = s.length();
        int i = 0;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        boolean hex = false;
        if (i + 2 < n && s.charAt(i) == '0' && (s.charAt(i + 1) | 0x20) == 'x') {
            hex = true;
            i += 2;
        }
        boolean underscores = false;
        boolean sawDot = false;
        boolean sawDigits = false;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c == '_') {
                underscores = true;
            } else if (c == '.') {
                if (sawDot) {
                    break;
                }
                sawDot = true;
            } else if (isDigit(c) || hex && isHexLetter(c)) {
                sawDigits = true;
            } else {
                break;
            }
        }
        if (!sawDigits) {
            return false;
        }
        char exponent = hex ? 'p' : 'e';
        if (i < n && (s.charAt(i) | 0x20) == exponent) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            if (i >= n || !isDigit(s.charAt(i))) {
                return false;
            }
            for (; i < n && (isDigit(s.charAt(i)) || s.charAt(i) == '_'); i++) {
                underscores |= s.charAt(i) == '_';
            }
        } else if (hex) {
            return false;
        }
        if (i != n) {
            return false;
        }
        return !underscores || underscoresOk(s);
    }

    /** strconv's {@code underscoreOK}: each underscore sits between digits (a base prefix counts as a digit). */
    private static boolean underscoresOk(String s) {
        char saw = '^';
        int i = 0;
        if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            s = s.substring(1);
        }
        boolean hex = false;
        if (s.length() >= 2 && s.charAt(0) == '0' && "box".indexOf(s.charAt(1) | 0x20) >= 0) {
            i = 2;
            saw = '0';
            hex = (s.charAt(1) | 0x20) == 'x';
        }
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isDigit(c) || hex && isHexLetter(c)) {
                saw = '0';
                continue;
            }
            if (c == '_') {
                if (saw != '0') {
                    return false;
                }
                saw = '_';
                continue;
            }
            if (saw == '_') {
                return false;
            }
            saw = '!';
        }
        return saw != '_';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isHexLetter(char c) {
        char lower = (char) (c | 0x20);
        return lower >= 'a' && lower <= 'f';
    }
}
