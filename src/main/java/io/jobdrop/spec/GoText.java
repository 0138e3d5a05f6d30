package io.jobdrop.spec;

import io.jobdrop.spec.go.GoStringOrder;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Go's string functions where Java's differ: Bacalhau's messages and checks depend on Go's idea of whitespace, case
 * and byte order, so the rules use these instead of {@link String#trim()} and friends (quoting and the byte order
 * itself live in {@link io.jobdrop.spec.go}, shared with the decoder and the template engine).
 */
public final class GoText {

    private GoText() {
    }

    /** A Java null stands for Go's zero value, the empty string. */
    public static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    /** Go's {@code unicode.IsSpace}. */
    public static boolean isSpace(int cp) {
        switch (cp) {
            case '\t', '\n', 0x0B, '\f', '\r', ' ', 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
                return true;
            default:
                return cp >= 0x2000 && cp <= 0x200A;
        }
    }

    /** Go's {@code strings.TrimSpace}. */
    public static String trimSpace(String s) {
        int start = 0;
        int end = s.length();
        while (start < end) {
            int cp = s.codePointAt(start);
            if (!isSpace(cp)) {
                break;
            }
            start += Character.charCount(cp);
        }
        while (end > start) {
            int cp = s.codePointBefore(end);
            if (!isSpace(cp)) {
                break;
            }
            end -= Character.charCount(cp);
        }
        return s.substring(start, end);
    }

    /** Bacalhau's {@code validate.IsBlank}: empty after Go's TrimSpace. */
    public static boolean isBlank(String s) {
        return trimSpace(orEmpty(s)).isEmpty();
    }

    public static boolean containsSpace(String s) {
        return s.codePoints().anyMatch(GoText::isSpace);
    }

    public static boolean containsNull(String s) {
        return s.indexOf('\0') >= 0;
    }

    /** Go's {@code strings.ToLower}: simple per-rune mapping, never changing the length like Java's special cases. */
    public static String toLower(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> out.appendCodePoint(Character.toLowerCase(cp)));
        return out.toString();
    }

    /** Go's {@code strings.ToUpper}: simple per-rune mapping ({@code ß} stays {@code ß}). */
    public static String toUpper(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> out.appendCodePoint(Character.toUpperCase(cp)));
        return out.toString();
    }

    /** The keys in the order Go sorts them (encoding/json and sort.Strings). */
    public static List<String> sorted(Collection<String> keys) {
        List<String> out = new ArrayList<>(keys.size());
        for (String k : keys) {
            out.add(orEmpty(k));
        }
        out.sort(GoStringOrder.BYTE_ORDER);
        return out;
    }

    /** The first byte of the UTF-8 encoding, as Go's {@code name[0]} sees it. */
    public static int firstUtf8Byte(String s) {
        return s.substring(0, Character.charCount(s.codePointAt(0))).getBytes(StandardCharsets.UTF_8)[0] & 0xFF;
    }

    /** Go's {@code %f}: six decimals of the exact binary value, ties to even. */
    public static String formatF6(double value) {
        return new BigDecimal(value).setScale(6, RoundingMode.HALF_EVEN).toPlainString();
    }
}
