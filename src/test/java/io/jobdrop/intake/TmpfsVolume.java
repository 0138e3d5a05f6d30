package io.jobdrop.intake;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** A small tmpfs mounted for one test, to run a folder out of space for real. Needs root (and mount rights). */
public final class TmpfsVolume implements AutoCloseable {

    private final Path path;

    private TmpfsVolume(Path path) {
        this.path = path;
    }

    /** Skips the test, saying why, unless this process may mount file systems. */
    public static void assumeMountable() {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
                "a full volume is made by mounting a small tmpfs, which needs root; running as "
                        + System.getProperty("user.name"));
    }

    public static TmpfsVolume mount(Path at, String size) throws IOException, InterruptedException {
        Files.createDirectories(at);
        run("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", at.toString());
        return new TmpfsVolume(at);
    }

    public Path path() {
        return path;
    }

    /** Writes one file until the volume is full; delete it to give the space back. */
    public Path fill() throws IOException {
        Path filler = path.resolve("filler.bin");
        byte[] block = new byte[4096];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException full) {
            if (!String.valueOf(full.getMessage()).contains("No space left")) {
                throw full;
            }
        }
        return filler;
    }

    /** Writes one file until only about {@code left} bytes of the volume are free; delete it to give the space back. */
    public Path fillLeaving(long left) throws IOException {
        Path filler = path.resolve("filler.bin");
        long free = Files.getFileStore(path).getUsableSpace();
        byte[] block = new byte[4096];
        try (OutputStream out = Files.newOutputStream(filler)) {
            for (long written = 0; written + block.length <= free - left; written += block.length) {
                out.write(block);
            }
        }
        return filler;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        run("umount", "-l", path.toString());
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            Assumptions.abort(String.join(" ", command) + " failed (" + out.trim() + "): cannot make a small volume here");
        }
    }
}
