package io.jobdrop.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Every job file of a run, generated, checked with jobdrop's reader and staged before anything is measured: the burst
 * (one copy for jobdrop, an identical one for the baseline), one set per steady run, and a warm-up set for the fresh
 * process of the second steady run; with --repeat, one more copy of the burst per process (and for the instances of
 * --instances) and later round. Names
 * differ between sets, so the stand-in can tell phases apart.
 */
record Inputs(List<Generator.StagedFile> burstForJobdrop, List<Generator.StagedFile> burstForBaseline,
              List<Generator.StagedFile> steady, List<Generator.StagedFile> warmUp,
              List<Generator.StagedFile> steadyStable, List<Generator.StagedFile> burstForBatchedBaseline,
              List<Generator.StagedFile> burstForInstances, List<Generator.StagedFile> burstForBucket,
              List<Round> laterRounds) {

    /**
     * The burst's copies for one more round of --repeat: the same files as the first round's; {@code instances} is
     * empty without --instances.
     */
    record Round(List<Generator.StagedFile> jobdrop, List<Generator.StagedFile> baseline,
                 List<Generator.StagedFile> batched, List<Generator.StagedFile> instances) {
    }

    /** Enough files for the JIT to compile the hot path before a steady run in a fresh process. */
    static final int WARM_UP_FILES = 2_000;

    static Inputs generate(BenchOptions options, Path staging, PrintStream out) {
        long start = System.nanoTime();
        Generator generator = new Generator(options.seed());
        SpecCheck check = new SpecCheck();
        List<Path> copies = new ArrayList<>(List.of(staging.resolve("burst-jobdrop"),
                staging.resolve("burst-baseline"), staging.resolve("burst-baseline-batched")));
        if (options.instances() > 1) {
            copies.add(staging.resolve("burst-instances"));
        }
        if (options.bucket()) {
            copies.add(staging.resolve("burst-bucket"));
        }
        int firstRoundCopy = copies.size();
        int perRound = options.instances() > 1 ? 4 : 3;
        for (int round = 2; round <= options.repeat(); round++) {
            copies.addAll(List.of(staging.resolve("burst-jobdrop-" + round), staging.resolve("burst-baseline-" + round),
                    staging.resolve("burst-baseline-batched-" + round)));
            if (perRound == 4) {
                copies.add(staging.resolve("burst-instances-" + round));
            }
        }
        List<List<Generator.StagedFile>> burst = generator.write("burst", options.files(), copies, check::check);
        List<Generator.StagedFile> steady = generator.write("steady0", options.steadyFiles(),
                List.of(staging.resolve("steady-0")), check::check).get(0);
        List<Generator.StagedFile> warmUp = generator.write("warmup", Math.min(options.files(), WARM_UP_FILES),
                List.of(staging.resolve("warm-up")), check::check).get(0);
        List<Generator.StagedFile> steadyStable = generator.write("steady1000", options.steadyFiles(),
                List.of(staging.resolve("steady-1000")), check::check).get(0);
        check.throwIfFailed();
        out.printf("bench: generated %d job files (checked with jobdrop's reader) in %d ms%n", check.checked(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        int next = 3;
        List<Generator.StagedFile> forInstances = options.instances() > 1 ? burst.get(next++) : List.of();
        List<Generator.StagedFile> forBucket = options.bucket() ? burst.get(next) : List.of();
        List<Round> laterRounds = new ArrayList<>();
        for (int copy = firstRoundCopy; copy < copies.size(); copy += perRound) {
            laterRounds.add(new Round(burst.get(copy), burst.get(copy + 1), burst.get(copy + 2),
                    perRound == 4 ? burst.get(copy + 3) : List.of()));
        }
        return new Inputs(burst.get(0), burst.get(1), steady, warmUp, steadyStable, burst.get(2), forInstances,
                forBucket, laterRounds);
    }
}
