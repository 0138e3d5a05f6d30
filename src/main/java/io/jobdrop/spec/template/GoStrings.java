package io.jobdrop.spec.template;

import io.jobdrop.spec.go.Utf8;

import java.nio.charset.StandardCharsets;

/** Go strings are UTF-8 bytes: len, index, slicing and columns count bytes, which these helpers reproduce. */
final class GoStrings {

    private GoStrings() {
    }

    static int utf8Length(CharSequence s) {
        return utf8Length(s, 0, s.length());
    }

    static int utf8Length(CharSequence s, int from, int to) {
        return Utf8.length(s, from, to);
    }

    static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** s[from:to] in bytes; a cut through a multi-byte character decodes to U+FFFD, where Go keeps the raw byte. */
    static String byteSlice(String s, int from, int to) {
        if (isAscii(s)) {
            return s.substring(from, to);
        }
        return new String(bytes(s), from, to - from, StandardCharsets.UTF_8);
    }
}
