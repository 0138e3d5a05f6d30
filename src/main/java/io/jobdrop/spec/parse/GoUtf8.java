package io.jobdrop.spec.parse;

import io.jobdrop.spec.SourcePosition;

import java.nio.charset.StandardCharsets;

/**
 * The bytes of a job file as text, refused where go-yaml's reader (readerc.go) refuses them instead of turning bad
 * bytes into U+FFFD: its words, plus the byte offset it keeps but does not print, and the line and column. A file
 * that starts with a UTF-16 byte order mark is UTF-16, as go-yaml reads it.
 */
public final class GoUtf8 {

    private static final String PREFIX = "converting yaml to json: yaml: ";

    private GoUtf8() {
    }

    /** The text of {@code bytes}, whether or not they are valid: what a Go string of them would print. */
    public static String lenient(byte[] bytes) {
        return utf16(bytes) ? new String(bytes, StandardCharsets.UTF_16) : new String(bytes, StandardCharsets.UTF_8);
    }

    /** The first invalid sequence of {@code bytes} as go-yaml reports it, or {@code null} when they are valid. */
    public static YamlSyntaxException check(byte[] bytes) {
        if (utf16(bytes)) {
            return null;
        }
        int i = 0;
        while (i < bytes.length) {
            int octet = bytes[i] & 0xFF;
            int width = octet < 0x80 ? 1 : (octet & 0xE0) == 0xC0 ? 2 : (octet & 0xF0) == 0xE0 ? 3
                    : (octet & 0xF8) == 0xF0 ? 4 : 0;
            if (width == 0) {
                return error("invalid leading UTF-8 octet", bytes, i);
            }
            if (i + width > bytes.length) {
                return error("incomplete UTF-8 octet sequence", bytes, i);
            }
            int value = width == 1 ? octet : width == 2 ? octet & 0x1F : width == 3 ? octet & 0x0F : octet & 0x07;
            for (int k = 1; k < width; k++) {
                int trailing = bytes[i + k] & 0xFF;
                if ((trailing & 0xC0) != 0x80) {
                    return error("invalid trailing UTF-8 octet", bytes, i + k);
                }
                value = (value << 6) | (trailing & 0x3F);
            }
            boolean shortest = width == 1 || (width == 2 && value >= 0x80) || (width == 3 && value >= 0x800)
                    || (width == 4 && value >= 0x10000);
            if (!shortest) {
                return error("invalid length of a UTF-8 sequence", bytes, i);
            }
            if ((value >= 0xD800 && value <= 0xDFFF) || value > 0x10FFFF) {
                return error("invalid Unicode character", bytes, i);
            }
            i += width;
        }
        return null;
    }

    private static boolean utf16(byte[] b) {
        return b.length >= 2 && ((b[0] == (byte) 0xFE && b[1] == (byte) 0xFF) || (b[0] == (byte) 0xFF && b[1] == (byte) 0xFE));
    }

    private static YamlSyntaxException error(String problem, byte[] bytes, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        // a bad trailing octet's column counts its leading octet as the one character it starts
        String before = new String(bytes, lineStart, offset - lineStart, StandardCharsets.UTF_8);
        int column = before.codePointCount(0, before.length()) + 1;
        return new YamlSyntaxException(PREFIX + problem + " at byte offset " + offset, new SourcePosition(line, column));
    }
}
