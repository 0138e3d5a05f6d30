package io.jobdrop.spec;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Go's string functions where Java's differ: Bacalhau's messages and checks depend on Go's idea of whitespace, case,
 * printable characters and byte order, so the rules use these instead of {@link String#trim()} and friends.
 */
final class GoText {

    /** Go sorts strings by UTF-8 bytes, which is code point order (Java's compareTo is UTF-16 order). */
    static final Comparator<String> BYTE_ORDER = GoText::compareCodePoints;

    private GoText() {
    }

    /** A Java null stands for Go's zero value, the empty string. */
    static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    /** Go's {@code unicode.IsSpace}. */
    static boolean isSpace(int cp) {
        switch (cp) {
            case '\t', '\n', 0x0B, '\f', '\r', ' ', 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
                return true;
            default:
                return cp >= 0x2000 && cp <= 0x200A;
        }
    }

    /** Go's {@code strings.TrimSpace}. */
    static String trimSpace(String s) {
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
    static boolean isBlank(String s) {
        return trimSpace(orEmpty(s)).isEmpty();
    }

    static boolean containsSpace(String s) {
        return s.codePoints().anyMatch(GoText::isSpace);
    }

    static boolean containsNull(String s) {
        return s.indexOf('\0') >= 0;
    }

    /** Go's {@code strings.ToLower}: simple per-rune mapping, never changing the length like Java's special cases. */
    static String toLower(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> out.appendCodePoint(Character.toLowerCase(cp)));
        return out.toString();
    }

    /** Go's {@code strings.ToUpper}: simple per-rune mapping ({@code ß} stays {@code ß}). */
    static String toUpper(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> out.appendCodePoint(Character.toUpperCase(cp)));
        return out.toString();
    }

    static int compareCodePoints(String a, String b) {
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

    /** The keys in the order Go sorts them (encoding/json and sort.Strings). */
    static List<String> sorted(Collection<String> keys) {
        List<String> out = new ArrayList<>(keys.size());
        for (String k : keys) {
            out.add(orEmpty(k));
        }
        out.sort(BYTE_ORDER);
        return out;
    }

    /** The first byte of the UTF-8 encoding, as Go's {@code name[0]} sees it. */
    static int firstUtf8Byte(String s) {
        return s.substring(0, Character.charCount(s.codePointAt(0))).getBytes(StandardCharsets.UTF_8)[0] & 0xFF;
    }

    /** Go's {@code %q} ({@code strconv.Quote}). */
    static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        s.codePoints().forEach(cp -> appendQuoted(out, cp));
        return out.append('"').toString();
    }

    private static void appendQuoted(StringBuilder out, int cp) {
        switch (cp) {
            case '"' -> out.append("\\\"");
            case '\\' -> out.append("\\\\");
            case 0x07 -> out.append("\\a");
            case '\b' -> out.append("\\b");
            case '\f' -> out.append("\\f");
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            case 0x0B -> out.append("\\v");
            default -> {
                if (isPrint(cp)) {
                    out.appendCodePoint(cp);
                } else if (cp < ' ' || cp == 0x7F) {
                    out.append(String.format("\\x%02x", cp));
                } else if (cp < 0x10000) {
                    out.append(String.format("\\u%04x", cp));
                } else {
                    out.append(String.format("\\U%08x", cp));
                }
            }
        }
    }

    /** Go's {@code unicode.IsPrint}: letters, marks, numbers, punctuation, symbols and the ASCII space. */
    static boolean isPrint(int cp) {
        if (cp == ' ') {
            return true;
        }
        switch (Character.getType(cp)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER, Character.OTHER_LETTER,
                    Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK,
                    Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER,
                    Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION,
                    Character.FINAL_QUOTE_PUNCTUATION, Character.OTHER_PUNCTUATION,
                    Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL, Character.MODIFIER_SYMBOL,
                    Character.OTHER_SYMBOL:
                return true;
            default:
                return false;
        }
    }

    /** Go's {@code %f}: six decimals of the exact binary value, ties to even. */
    static String formatF6(double value) {
        return new BigDecimal(value).setScale(6, RoundingMode.HALF_EVEN).toPlainString();
    }
}
