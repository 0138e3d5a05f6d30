package io.jobdrop.testing;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Records what is logged while it is open. jobdrop logs through logback, whose console appender writes to the current
 * {@code System.err}; this puts a tee there, so the lines still show in the test output.
 */
public final class LogCapture implements AutoCloseable {

    private final PrintStream original;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

    private LogCapture() {
        original = System.err;
        OutputStream tee = new OutputStream() {
            @Override
            public void write(int b) {
                original.write(b);
                record(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                original.write(b, off, len);
                record(b, off, len);
            }

            @Override
            public void flush() {
                original.flush();
            }
        };
        System.setErr(new PrintStream(tee, true, StandardCharsets.UTF_8));
    }

    public static LogCapture start() {
        return new LogCapture();
    }

    public String text() {
        synchronized (captured) {
            return captured.toString(StandardCharsets.UTF_8);
        }
    }

    public List<String> lines() {
        return text().lines().toList();
    }

    /** The lines logged after the first {@code mark} lines: mark with {@code lines().size()}. */
    public List<String> linesAfter(int mark) {
        List<String> all = lines();
        return all.subList(Math.min(mark, all.size()), all.size());
    }

    @Override
    public void close() {
        System.setErr(original);
    }

    private void record(byte[] b, int off, int len) {
        synchronized (captured) {
            captured.write(b, off, len);
        }
    }
}
