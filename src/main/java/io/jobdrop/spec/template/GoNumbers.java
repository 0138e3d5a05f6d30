package io.jobdrop.spec.template;

/** strconv.ParseUint, ParseInt and ParseFloat as the template parser calls them (base 0, 64 bits). */
final class GoNumbers {

    private GoNumbers() {
    }

    /** ParseUint(s, 0, 64) as unsigned bits, or null where Go returns an error. */
    static Long parseUint(String s) {
        if (s.isEmpty()) {
            return null;
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
                return null;
            }
            if (Long.compareUnsigned(n, cutoff) >= 0) {
                return null;
            }
            n *= base;
            long sum = n + d;
            if (Long.compareUnsigned(sum, n) < 0) {
                return null;
            }
            n = sum;
        }
        if (underscores && !underscoreOk(s)) {
            return null;
        }
        return n;
    }

    /** ParseInt(s, 0, 64), or null where Go returns an error. */
    static Long parseInt(String s) {
        if (s.isEmpty()) {
            return null;
        }
        boolean negative = s.charAt(0) == '-';
        String magnitude = s.charAt(0) == '+' || negative ? s.substring(1) : s;
        Long u = parseUint(magnitude);
        if (u == null) {
            return null;
        }
        long limit = Long.MIN_VALUE; // 1<<63 as unsigned bits
        if (!negative && Long.compareUnsigned(u, limit) >= 0) {
            return null;
        }
        if (negative && Long.compareUnsigned(u, limit) > 0) {
            return null;
        }
        return negative ? -u : u;
    }

    /** ParseFloat(s, 64) for Go's decimal and hexadecimal float syntax, or null where Go returns an error. */
    static Double parseFloat(String s) {
        int i = 0;
        if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        boolean hex = false;
        if (i + 2 < s.length() && s.charAt(i) == '0' && Character.toLowerCase(s.charAt(i + 1)) == 'x') {
            hex = true;
            i += 2;
        }
        boolean underscores = false;
        boolean sawDot = false;
        boolean sawDigits = false;
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '_') {
                underscores = true;
            } else if (c == '.') {
                if (sawDot) {
                    break;
                }
                sawDot = true;
            } else if ((c >= '0' && c <= '9') || (hex && Character.toLowerCase(c) >= 'a' && Character.toLowerCase(c) <= 'f')) {
                sawDigits = true;
            } else {
                break;
            }
        }
        if (!sawDigits) {
            return null;
        }
        char expChar = hex ? 'p' : 'e';
        if (i < s.length() && Character.toLowerCase(s.charAt(i)) == expChar) {
            i++;
            if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            if (i >= s.length() || s.charAt(i) < '0' || s.charAt(i) > '9') {
                return null;
            }
            for (; i < s.length() && ((s.charAt(i) >= '0' && s.charAt(i) <= '9') || s.charAt(i) == '_'); i++) {
                underscores |= s.charAt(i) == '_';
            }
        } else if (hex) {
            return null; // a hexadecimal mantissa needs a 'p' exponent
        }
        if (i != s.length() || (underscores && !underscoreOk(s))) {
            return null;
        }
        double value = Double.parseDouble(underscores ? s.replace("_", "") : s);
        return Double.isInfinite(value) ? null : value;
    }

    /** Underscores may only separate digits, or follow a base prefix. */
    static boolean underscoreOk(String s) {
        char saw = '^';
        int i = 0;
        if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            s = s.substring(1);
        }
        boolean hex = false;
        if (s.length() >= 2 && s.charAt(0) == '0') {
            char prefix = Character.toLowerCase(s.charAt(1));
            if (prefix == 'b' || prefix == 'o' || prefix == 'x') {
                i = 2;
                saw = '0';
                hex = prefix == 'x';
            }
        }
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            char lower = Character.toLowerCase(c);
            if ((c >= '0' && c <= '9') || (hex && lower >= 'a' && lower <= 'f')) {
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
}
