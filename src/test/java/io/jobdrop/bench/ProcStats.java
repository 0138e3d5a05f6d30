package io.jobdrop.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the kernel knows about a live process: its peak resident set (VmHWM) and the CPU it has used (utime + stime).
 * Read from /proc, so it must be taken before the process exits.
 */
public record ProcStats(long peakRssKb, long cpuTicks) {

    private static final long TICKS_PER_SECOND = clockTicksPerSecond();

    public static ProcStats of(long pid) {
        try {
            return new ProcStats(peakRssKb(pid), cpuTicks(pid));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read /proc/" + pid + " (has it exited?)", e);
        }
    }

    public double peakRssMb() {
        return peakRssKb / 1024.0;
    }

    public double cpuSeconds() {
        return (double) cpuTicks / TICKS_PER_SECOND;
    }

    /** CPU seconds used between an earlier snapshot and this one. */
    public double cpuSecondsSince(ProcStats earlier) {
        return (double) (cpuTicks - earlier.cpuTicks) / TICKS_PER_SECOND;
    }

    private static long peakRssKb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.substring("VmHWM:".length()).replace("kB", "").trim());
            }
        }
        throw new IOException("no VmHWM in /proc/" + pid + "/status");
    }

    private static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        // the command name (field 2) may contain spaces and parentheses: count fields after its closing parenthesis
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        // fields[0] is field 3 (state); utime and stime are fields 14 and 15
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private static long clockTicksPerSecond() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(getconf.getInputStream().readAllBytes()).trim();
            return getconf.waitFor() == 0 ? Long.parseLong(out) : 100;
        } catch (IOException | NumberFormatException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }
}
