package io.jobdrop.spec.go;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Go's strconv quoting and unquoting: {@code %q} in Bacalhau's and go-yaml's messages, template literals and
 * template errors all go through it, so one port serves the rules, the decoder and the template engine.
 */
public final class GoQuoting {
    private static final String LOWER_HEX = "0123456789abcdef";

    private GoQuoting() {
    }

    /** Thrown for what strconv reports as ErrSyntax. */
    public static final class SyntaxError extends Exception {
        SyntaxError() {
            super("invalid syntax", null, false, false);
        }
    }

    /** One rune taken from the front of an escaped string, and what is left after it. */
    public record Unquoted(int value, boolean multibyte, int tail) {
    }

    /** strconv.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space. */
    public static boolean isPrint(int r) {
        if (r == ' ') {
            return true;
        }
        if (r < 0 || r > Character.MAX_CODE_POINT) {
            return false;
        }
        switch (Character.getType(r)) {
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

    /** fmt's %#U: U+0041 'A'. */
    public static String formatCodePoint(int r) {
        String hex = Integer.toHexString(r).toUpperCase();
        StringBuilder sb = new StringBuilder("U+");
        sb.append("0".repeat(Math.max(0, 4 - hex.length()))).append(hex);
        if (isPrint(r)) {
            sb.append(" '").appendCodePoint(r).append('\'');
        }
        return sb.toString();
    }

    /** strconv.Quote. */
    public static String quote(String s) {
        return quoteWith(s, '"', false);
    }

    /** strconv.QuoteToASCII. */
    public static String quoteToAscii(String s) {
        return quoteWith(s, '"', true);
    }

    /** strconv.QuoteRune. */
    public static String quoteRune(int r, boolean asciiOnly) {
        StringBuilder sb = new StringBuilder("'");
        appendEscapedRune(sb, validRune(r) ? r : 0xFFFD, '\'', asciiOnly);
        return sb.append('\'').toString();
    }

    /** strconv.CanBackquote. */
    public static boolean canBackquote(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < ' ' && c != '\t') || c == '`' || c == 0x7F || c == '\uFEFF') {
                return false;
            }
        }
        return true;
    }

    public static boolean validRune(int r) {
        return r >= 0 && r <= Character.MAX_CODE_POINT && !(r >= 0xD800 && r <= 0xDFFF);
    }

    private static String quoteWith(String s, char quote, boolean asciiOnly) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append(quote);
        for (int i = 0; i < s.length(); ) {
            int r = s.codePointAt(i);
            i += Character.charCount(r);
            appendEscapedRune(sb, r, quote, asciiOnly);
        }
        return sb.append(quote).toString();
    }

    private static void appendEscapedRune(StringBuilder sb, int r, char quote, boolean asciiOnly) {
        if (r == quote || r == '\\') {
            sb.append('\\').appendCodePoint(r);
            return;
        }
        if (asciiOnly ? (r < 0x80 && isPrint(r)) : isPrint(r)) {
            sb.appendCodePoint(r);
            return;
        }
        switch (r) {
            case 0x07 -> sb.append("\\a");
            case '\b' -> sb.append("\\b");
            case '\f' -> sb.append("\\f");
            case '\n' -> sb.append("\\n");
            case '\r' -> sb.append("\\r");
            case '\t' -> sb.append("\\t");
            case 0x0B -> sb.append("\\v");
            default -> {
                if (r < ' ' || r == 0x7F) {
                    sb.append("\\x").append(LOWER_HEX.charAt(r >> 4)).append(LOWER_HEX.charAt(r & 0xF));
                } else if (r < 0x10000) {
                    // An unpaired surrogate (a Java string can hold one, a Go string cannot) shows as itself, as the
                    // rules' messages always printed it; quoteRune has already turned an invalid rune into U+FFFD.
                    appendHex(sb.append("\\u"), r, 4);
                } else {
                    appendHex(sb.append("\\U"), r, 8);
                }
            }
        }
    }

    private static void appendHex(StringBuilder sb, int value, int digits) {
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
            sb.append(LOWER_HEX.charAt((value >> shift) & 0xF));
        }
    }

    /** strconv.Unquote for the "..." and `...` literals the lexer produced. */
    public static String unquote(String quoted) throws SyntaxError {
        int n = quoted.length();
        if (n < 2 || quoted.charAt(0) != quoted.charAt(n - 1)) {
            throw new SyntaxError();
        }
        char quote = quoted.charAt(0);
        String body = quoted.substring(1, n - 1);
        if (quote == '`') {
            if (body.indexOf('`') >= 0) {
                throw new SyntaxError();
            }
            return body.indexOf('\r') < 0 ? body : body.replace("\r", "");
        }
        if (quote != '"' || body.indexOf('\n') >= 0) {
            throw new SyntaxError();
        }
        if (body.indexOf('\\') < 0 && body.indexOf('"') < 0) {
            return body;
        }
        // \x and octal escapes are single bytes that may combine into UTF-8, so collect bytes
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length());
        int i = 0;
        while (i < body.length()) {
            Unquoted u = unquoteChar(body, i, '"');
            if (u.multibyte()) {
                byte[] bytes = new String(Character.toChars(u.value())).getBytes(StandardCharsets.UTF_8);
                out.write(bytes, 0, bytes.length);
            } else {
                out.write(u.value());
            }
            i = u.tail();
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** strconv.UnquoteChar on s from offset 'at'. */
    public static Unquoted unquoteChar(String s, int at, char quote) throws SyntaxError {
        if (at >= s.length()) {
            throw new SyntaxError();
        }
        char c = s.charAt(at);
        if (c == quote && (quote == '\'' || quote == '"')) {
            throw new SyntaxError();
        }
        if (c >= 0x80) {
            int r = s.codePointAt(at);
            return new Unquoted(r, true, at + Character.charCount(r));
        }
        if (c != '\\') {
            return new Unquoted(c, false, at + 1);
        }
        if (at + 1 >= s.length()) {
            throw new SyntaxError();
        }
        char e = s.charAt(at + 1);
        int rest = at + 2;
        switch (e) {
            case 'a':
                return new Unquoted(0x07, false, rest);
            case 'b':
                return new Unquoted('\b', false, rest);
            case 'f':
                return new Unquoted('\f', false, rest);
            case 'n':
                return new Unquoted('\n', false, rest);
            case 'r':
                return new Unquoted('\r', false, rest);
            case 't':
                return new Unquoted('\t', false, rest);
            case 'v':
                return new Unquoted(0x0B, false, rest);
            case 'x':
            case 'u':
            case 'U': {
                int n = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                if (rest + n > s.length()) {
                    throw new SyntaxError();
                }
                long v = 0;
                for (int j = 0; j < n; j++) {
                    int digit = Character.digit(s.charAt(rest + j), 16);
                    if (digit < 0 || s.charAt(rest + j) >= 0x80) {
                        throw new SyntaxError();
                    }
                    v = v << 4 | digit;
                }
                if (e == 'x') {
                    return new Unquoted((int) v, false, rest + n);
                }
                if (v > Character.MAX_CODE_POINT || !validRune((int) v)) {
                    throw new SyntaxError();
                }
                return new Unquoted((int) v, true, rest + n);
            }
            case '0', '1', '2', '3', '4', '5', '6', '7': {
                int v = e - '0';
                if (rest + 2 > s.length()) {
                    throw new SyntaxError();
                }
                for (int j = 0; j < 2; j++) {
                    int digit = s.charAt(rest + j) - '0';
                    if (digit < 0 || digit > 7) {
                        throw new SyntaxError();
                    }
                    v = (v << 3) | digit;
                }
                if (v > 255) {
                    throw new SyntaxError();
                }
                return new Unquoted(v, false, rest + 2);
            }
            case '\\':
                return new Unquoted('\\', false, rest);
            case '\'':
            case '"':
                if (e != quote) {
                    throw new SyntaxError();
                }
                return new Unquoted(e, false, rest);
            default:
                throw new SyntaxError();
        }
    }
}
