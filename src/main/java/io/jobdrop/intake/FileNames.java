package io.jobdrop.intake;

import java.nio.charset.StandardCharsets;

/**
 * Names jobdrop makes from a dropped file's name: the collision suffix in .done/ and .error/, the report beside a
 * rejected file and the result beside a filed one. Every name fits the 255 bytes that Linux file systems allow, however
 * long the original was (a name of 245 bytes or more has no room for {@code .error.json}), and names are escaped before
 * they reach a log line.
 */
public final class FileNames {

    /** NAME_MAX of ext4, xfs, btrfs and tmpfs, in bytes. */
    static final int MAX_BYTES = 255;
    static final String REPORT_SUFFIX = ".error.json";

    private FileNames() {
    }

    /** {@code x.yaml} for the first try, then {@code x.1.yaml}, {@code x.2.yaml}: the extension stays last. */
    static String numbered(String name, int n) {
        if (n == 0) {
            return fit(name, "");
        }
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot) : "";
        return fit(stem, "." + n + extension);
    }

    /**
     * {@code <placed>.error.json}; when that is too long, the placed name cut short and marked with a hash of the whole
     * name, so two long names that share their first 230 bytes still get reports of their own.
     */
    static String report(String placed) {
        return withSuffix(placed, REPORT_SUFFIX);
    }

    /**
     * {@code <placed><suffix>} (a report, a result beside a filed file), fitted to 255 bytes as {@link #report} is:
     * when too long, the placed name cut short and marked with a hash of the whole name.
     */
    public static String withSuffix(String placed, String suffix) {
        if (bytes(placed) + bytes(suffix) <= MAX_BYTES) {
            return placed + suffix;
        }
        String hash = ContentKey.sha256(placed.getBytes(StandardCharsets.UTF_8)).substring(0, 8);
        return fit(placed, "~" + hash + suffix);
    }

    /** {@code head + tail}, with {@code head} cut at a character boundary until the whole fits. */
    static String fit(String head, String tail) {
        int room = MAX_BYTES - bytes(tail);
        if (bytes(head) <= room) {
            return head + tail;
        }
        StringBuilder kept = new StringBuilder();
        int used = 0;
        for (int i = 0; i < head.length(); ) {
            int codePoint = head.codePointAt(i);
            int size = bytes(new String(Character.toChars(codePoint)));
            if (used + size > room) {
                break;
            }
            kept.appendCodePoint(codePoint);
            used += size;
            i += Character.charCount(codePoint);
        }
        return kept + tail;
    }

    /**
     * A name as it may appear in a log line: control characters (a newline would forge a line of its own) and
     * backslashes escaped Java-style.
     */
    public static String forLog(String name) {
        if (name == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
