package io.jobdrop.bench;

import io.jobdrop.ingest.FileVerdict;
import io.jobdrop.ingest.JobDefaults;
import io.jobdrop.ingest.JobFileReader;
import io.jobdrop.ingest.Stamper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Issue 2's figure: files per second through the spec core alone (template, decode, validate, normalize, defaults,
 * stamp), on one thread, without I/O: the job files are read into memory first. Input: the typical (0.5–4 KB)
 * job files of the shared corpus, or of a folder given as the first argument.
 *
 * <pre>java -cp ... io.jobdrop.bench.SpecThroughput [DIR] [SECONDS]</pre>
 */
public final class SpecThroughput {

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : System.getProperty("jobdrop.corpus", "../shared/corpus/bacalhau"));
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        List<byte[]> files;
        try (Stream<Path> paths = Files.list(dir)) {
            files = paths.filter(p -> p.toString().matches(".*\\.(ya?ml|json)")).map(SpecThroughput::bytes)
                    .filter(b -> b.length >= 300 && b.length <= 4096).toList();
        }
        JobFileReader reader = new JobFileReader(true, Map.of(), new Stamper(Clock.systemUTC(), UUID::randomUUID),
                JobDefaults.BACALHAU);
        long bytes = files.stream().mapToLong(b -> b.length).sum();
        System.out.printf("spec core: %d files, %.0f bytes on average%n", files.size(), (double) bytes / files.size());
        run(reader, files, 3, "warm-up");
        run(reader, files, seconds, "measured");
    }

    private static void run(JobFileReader reader, List<byte[]> files, int seconds, String label) {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long start = System.nanoTime();
        long done = 0;
        long accepted = 0;
        while (System.nanoTime() < end) {
            for (byte[] file : files) {
                FileVerdict verdict = reader.read("f.yaml", file);
                accepted += verdict.accepted() ? 1 : 0;
                done++;
            }
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        System.out.printf("%s: %d files in %.1f s = %.0f files/s on one thread (%d accepted)%n", label, done, elapsed,
                done / elapsed, accepted);
    }

    private static byte[] bytes(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
