package io.jobdrop.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Every job file of a run, generated, checked with jobdrop's reader and staged before anything is measured: the burst
 * (one copy for jobdrop, an identical one for the baseline), one set per steady run, and a warm-up set for the fresh
 * process of the second steady run. Names differ between sets, so the stand-in can tell phases apart.
 */
record Inputs(List<Generator.StagedFile> burstForJobdrop, List<Generator.StagedFile> burstForBaseline,
              List<Generator.StagedFile> steady, List<Generator.StagedFile> warmUp,
              List<Generator.StagedFile> steadyStable) {

    /** Enough files for the JIT to compile the hot path before a steady run in a fresh process. */
    static final int WARM_UP_FILES = 2_000;

    static Inputs generate(BenchOptions options, Path staging, PrintStream out) {
        long start = System.nanoTime();
        Generator generator = new Generator(options.seed());
        SpecCheck check = new SpecCheck();
        List<List<Generator.StagedFile>> burst = generator.write("burst", options.files(),
                List.of(staging.resolve("burst-jobdrop"), staging.resolve("burst-baseline")), check::check);
        List<Generator.StagedFile> steady = generator.write("steady0", options.steadyFiles(),
                List.of(staging.resolve("steady-0")), check::check).get(0);
        List<Generator.StagedFile> warmUp = generator.write("warmup", Math.min(options.files(), WARM_UP_FILES),
                List.of(staging.resolve("warm-up")), check::check).get(0);
        List<Generator.StagedFile> steadyStable = generator.write("steady1000", options.steadyFiles(),
                List.of(staging.resolve("steady-1000")), check::check).get(0);
        check.throwIfFailed();
        out.printf("bench: generated %d job files (checked with jobdrop's reader) in %d ms%n", check.checked(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        return new Inputs(burst.get(0), burst.get(1), steady, warmUp, steadyStable);
    }
}
