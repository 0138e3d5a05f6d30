package io.jobdrop.spec.go;

/**
 * Go strings are UTF-8 bytes: lengths, limits and columns count bytes, not Java chars. Counted without encoding, so
 * measuring a large text costs no copy of it.
 */
public final class Utf8 {

    private Utf8() {
    }

    /** The length in UTF-8 bytes of {@code s}; an unpaired surrogate counts as the 3 bytes of U+FFFD. */
    public static long length(CharSequence s) {
        return length(s, 0, s.length());
    }

    /** The length in UTF-8 bytes of {@code s[from, to)}. */
    public static int length(CharSequence s, int from, int to) {
        int bytes = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
