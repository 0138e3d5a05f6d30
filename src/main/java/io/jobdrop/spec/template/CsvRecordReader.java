package io.jobdrop.spec.template;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The first record of a CSV text, read the way Go's encoding/csv Reader.Read reads it with default settings:
 * comma-separated, "..." quotes with "" for a quote, empty lines skipped, no trimming, no lazy quotes. Errors keep
 * Go's wording, e.g. {@code parse error on line 1, column 3: bare " in non-quoted-field}.
 */
public final class CsvRecordReader {
    private static final String BARE_QUOTE = "bare \" in non-quoted-field";
    private static final String QUOTE = "extraneous or missing \" in quoted-field";

    private final byte[] input;
    private int offset;
    private int numLine;

    private CsvRecordReader(String text) {
        this.input = text.getBytes(StandardCharsets.UTF_8);
    }

    public static List<String> firstRecord(String text) {
        return new CsvRecordReader(text).read();
    }

    /** One line including its '\n' (with "\r\n" normalised to "\n"), or null at the end. */
    private byte[] readLine() {
        if (offset >= input.length) {
            return null;
        }
        int end = offset;
        while (end < input.length && input[end] != '\n') {
            end++;
        }
        boolean newline = end < input.length;
        int stop = newline ? end + 1 : end;
        byte[] line = Arrays.copyOfRange(input, offset, stop);
        offset = stop;
        numLine++;
        if (!newline && line.length > 0 && line[line.length - 1] == '\r') {
            line = Arrays.copyOf(line, line.length - 1);
        }
        int n = line.length;
        if (n >= 2 && line[n - 2] == '\r' && line[n - 1] == '\n') {
            line = Arrays.copyOf(line, n - 1);
            line[n - 2] = '\n';
        }
        return line;
    }

    private static int lengthNL(byte[] b, int from) {
        return b.length > from && b[b.length - 1] == '\n' ? 1 : 0;
    }

    private List<String> read() {
        byte[] line;
        do {
            line = readLine();
            if (line == null) {
                throw new IllegalArgumentException("EOF");
            }
        } while (line.length == lengthNL(line, 0));
        int recordLine = numLine;
        List<String> fields = new ArrayList<>();
        int pos = 0;
        int col = 1;
        while (true) {
            if (pos >= line.length || line[pos] != '"') {
                int comma = indexOf(line, pos, (byte) ',');
                int end = comma >= 0 ? comma : line.length - lengthNL(line, pos);
                for (int j = pos; j < end; j++) {
                    if (line[j] == '"') {
                        throw error(recordLine, numLine, col + (j - pos), BARE_QUOTE);
                    }
                }
                fields.add(new String(line, pos, end - pos, StandardCharsets.UTF_8));
                if (comma >= 0) {
                    col += comma + 1 - pos;
                    pos = comma + 1;
                    continue;
                }
                return fields;
            }
            ByteArrayOutputStream field = new ByteArrayOutputStream();
            pos++;
            col++;
            while (true) {
                int quote = indexOf(line, pos, (byte) '"');
                if (quote >= 0) {
                    field.write(line, pos, quote - pos);
                    col += quote + 1 - pos;
                    pos = quote + 1;
                    if (pos < line.length && line[pos] == '"') {
                        field.write('"');
                        pos++;
                        col++;
                    } else if (pos < line.length && line[pos] == ',') {
                        pos++;
                        col++;
                        fields.add(field.toString(StandardCharsets.UTF_8));
                        break;
                    } else if (line.length - pos == lengthNL(line, pos)) {
                        fields.add(field.toString(StandardCharsets.UTF_8));
                        return fields;
                    } else {
                        throw error(recordLine, numLine, col - 1, QUOTE);
                    }
                } else if (pos < line.length) {
                    // the quoted field goes on past the end of this line
                    field.write(line, pos, line.length - pos);
                    col += line.length - pos;
                    byte[] more = readLine();
                    if (more == null) {
                        throw error(recordLine, numLine, col, QUOTE);
                    }
                    line = more;
                    pos = 0;
                    col = 1;
                } else {
                    throw error(recordLine, numLine, col, QUOTE);
                }
            }
        }
    }

    private static int indexOf(byte[] b, int from, byte value) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == value) {
                return i;
            }
        }
        return -1;
    }

    private static IllegalArgumentException error(int recordLine, int line, int column, String what) {
        String where = recordLine != line
                ? "record on line " + recordLine + "; parse error on line " + line + ", column " + column
                : "parse error on line " + line + ", column " + column;
        return new IllegalArgumentException(where + ": " + what);
    }
}
