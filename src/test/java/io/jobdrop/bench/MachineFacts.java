package io.jobdrop.bench;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What a result depends on besides the code: CPU, memory, JVM, the filesystem the inbox lives on, and how busy the
 * machine already was (the load average when the run started; anything else running skews the numbers).
 */
record MachineFacts(int cores, String cpuModel, long memoryMb, String jvm, String os, String disk,
                    String loadAverage) {

    static MachineFacts collect(Path workDir) {
        return new MachineFacts(Runtime.getRuntime().availableProcessors(), readCpuModel(), readMemoryMb(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + " ("
                        + System.getProperty("java.vendor") + ")",
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                describeDisk(workDir), readLoadAverage());
    }

    private static String readLoadAverage() {
        List<String> loadavg = lines(Path.of("/proc/loadavg"));
        if (loadavg.isEmpty()) {
            return "unknown";
        }
        String[] fields = loadavg.get(0).split(" ");
        return fields.length >= 3 ? fields[0] + " " + fields[1] + " " + fields[2] + " (1, 5, 15 min)" : "unknown";
    }

    private static String readCpuModel() {
        return procLine(Path.of("/proc/cpuinfo"), "model name").map(line -> line.substring(line.indexOf(':') + 1)
                .trim()).orElse("unknown");
    }

    private static long readMemoryMb() {
        return procLine(Path.of("/proc/meminfo"), "MemTotal:")
                .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024).orElse(-1L);
    }

    /** Device, filesystem type, mount options and free space of the folder the inboxes are in. */
    private static String describeDisk(Path workDir) {
        try {
            FileStore store = Files.getFileStore(workDir);
            String options = mountOptions(workDir.toAbsolutePath().normalize(), store.name());
            return store.name() + " " + store.type() + (options.isEmpty() ? "" : " (" + options + ")") + ", "
                    + store.getUsableSpace() / (1L << 30) + " GiB free of " + store.getTotalSpace() / (1L << 30)
                    + " GiB";
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    private static String mountOptions(Path path, String device) {
        String best = "";
        int bestLength = -1;
        for (String line : lines(Path.of("/proc/mounts"))) {
            String[] fields = line.split(" ");
            if (fields.length >= 4 && fields[0].equals(device) && path.startsWith(fields[1])
                    && fields[1].length() > bestLength) {
                best = fields[3];
                bestLength = fields[1].length();
            }
        }
        return best;
    }

    private static java.util.Optional<String> procLine(Path file, String prefix) {
        return lines(file).stream().filter(line -> line.startsWith(prefix)).findFirst();
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            return List.of();
        }
    }
}
