package io.jobdrop.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Writes a tree of maps, lists, strings and numbers as block-style YAML the way people write job files by hand:
 * plain scalars where YAML 1.1 reads them back as the same string, quotes elsewhere, literal blocks for scripts.
 */
final class YamlWriter {

    /** Starts like a word or a path and contains nothing YAML 1.1 would read as structure, number or date. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z/_][A-Za-z0-9 _./@+=,:()-]*"
            // an option (-c, --date) and a size with a unit (250m, 8Gb) are strings in YAML 1.1 too
            + "|-{1,2}[A-Za-z][A-Za-z0-9_.=-]*|[0-9]+[A-Za-z]+");
    private static final Set<String> YAML11_WORDS = Set.of("y", "n", "yes", "no", "true", "false", "on", "off",
            "null");

    /** Job files repeat the same few hundred scalars; deciding how to write one is the costly part (a regex). */
    private static final Map<String, String> QUOTED = new ConcurrentHashMap<>();

    private final StringBuilder out = new StringBuilder(2048);

    private YamlWriter() {
    }

    static String write(Map<String, ?> document) {
        YamlWriter writer = new YamlWriter();
        writer.map(document, 0);
        return writer.out.toString();
    }

    private void map(Map<String, ?> map, int indent) {
        for (Map.Entry<String, ?> entry : map.entrySet()) {
            pad(indent);
            out.append(scalar(entry.getKey())).append(':');
            value(entry.getValue(), indent + 2);
        }
    }

    private void list(List<?> list, int indent) {
        for (Object item : list) {
            if (item instanceof Map<?, ?> map && !map.isEmpty()) {
                // the first key goes on the dash line, the others line up under it
                int start = out.length();
                map(castMap(map), indent + 2);
                out.replace(start, start + indent + 2, " ".repeat(indent) + "- ");
            } else {
                pad(indent);
                out.append('-');
                value(item, indent + 2);
            }
        }
    }

    private void value(Object value, int indent) {
        if (value instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                out.append(" {}\n");
            } else {
                out.append('\n');
                map(castMap(map), indent);
            }
        } else if (value instanceof List<?> list) {
            if (list.isEmpty()) {
                out.append(" []\n");
            } else {
                out.append('\n');
                list(list, indent);
            }
        } else if (value instanceof String text && text.contains("\n")) {
            literalBlock(text, indent);
        } else {
            out.append(' ').append(scalar(value)).append('\n');
        }
    }

    private void literalBlock(String text, int indent) {
        boolean endsWithNewline = text.endsWith("\n");
        out.append(endsWithNewline ? " |\n" : " |-\n");
        String body = endsWithNewline ? text.substring(0, text.length() - 1) : text;
        for (String line : body.split("\n", -1)) {
            if (!line.isEmpty()) {
                pad(indent);
                out.append(line);
            }
            out.append('\n');
        }
    }

    static String scalar(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        if (QUOTED.size() > 100_000) {
            QUOTED.clear();
        }
        return QUOTED.computeIfAbsent(value.toString(), YamlWriter::quoted);
    }

    private static String quoted(String text) {
        if (isPlain(text)) {
            return text;
        }
        if (!text.contains("'") && text.chars().noneMatch(c -> c < 0x20)) {
            return "'" + text + "'";
        }
        return doubleQuoted(text);
    }

    private static boolean isPlain(String text) {
        return PLAIN.matcher(text).matches() && !text.endsWith(" ") && !text.endsWith(":") && !text.contains(": ")
                && !text.contains(" #") && !YAML11_WORDS.contains(text.toLowerCase(Locale.ROOT));
    }

    private static String doubleQuoted(String text) {
        StringBuilder quoted = new StringBuilder(text.length() + 8).append('"');
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\x%02x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }

    private void pad(int indent) {
        out.append(" ".repeat(indent));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> castMap(Map<?, ?> map) {
        return (Map<String, ?>) map;
    }
}
