package io.jobdrop.spec.go;

import java.util.Comparator;

/**
 * Go's string order: Go compares strings byte by byte over UTF-8, which is code point order. Java's
 * {@link String#compareTo} orders UTF-16 units instead, and so puts characters above U+FFFF before U+E000..U+FFFF.
 * {@code sort.Strings}, {@code encoding/json}'s map keys and the template {@code lt} all use Go's order.
 */
public final class GoStringOrder {

    public static final Comparator<String> BYTE_ORDER = GoStringOrder::compare;

    private GoStringOrder() {
    }

    /** Negative, zero or positive as Go's {@code a < b}, {@code a == b}, {@code a > b}. */
    public static int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
