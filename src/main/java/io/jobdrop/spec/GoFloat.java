package io.jobdrop.spec;

import java.util.OptionalDouble;

/**
 * Go's {@code strconv.ParseFloat(s, 64)}: which texts it accepts and what it returns. Java's parser differs in the
 * accepted syntax (suffixes {@code d}/{@code f}, surrounding blanks, no underscores, case of {@code Infinity}) and
 * reports overflow as infinity instead of an error, so the syntax is checked here the way Go's {@code readFloat} does
 * and only the conversion is left to Java (both round correctly).
 */
final class GoFloat {

    private GoFloat() {
    }

    /** The value, or empty where Go returns an error (bad syntax, or a finite text beyond the float64 range). */
    static OptionalDouble parse(String s) {
        Double special = special(s);
        if (special != null) {
            return OptionalDouble.of(special);
        }
        if (!wellFormed(s)) {
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

    private static boolean wellFormed(String s) {
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

    /** Go's {@code underscoreOK}: each underscore sits between digits (a base prefix counts as a digit). */
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

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isHexLetter(char c) {
        char lower = (char) (c | 0x20);
        return lower >= 'a' && lower <= 'f';
    }
}
