package io.jobdrop.follow;

import java.nio.charset.StandardCharsets;

/** The first bytes of a text in UTF-8, cut before a character that would not fit whole. */
final class Utf8Cut {

    private Utf8Cut() {
    }

    /** @return the text itself when it fits, else its longest prefix of at most {@code maxBytes} UTF-8 bytes */
    static String head(String text, int maxBytes) {
        if (text == null) {
            return null;
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= maxBytes) {
            return text;
        }
        int end = maxBytes;
        // step back over continuation bytes (10xxxxxx) to the start of the character that does not fit
        while (end > 0 && (bytes[end] & 0xC0) == 0x80) {
            end--;
        }
        return new String(bytes, 0, end, StandardCharsets.UTF_8);
    }

    static boolean fits(String text, int maxBytes) {
        return text == null || text.getBytes(StandardCharsets.UTF_8).length <= maxBytes;
    }
}
