package io.jobdrop.bench;

import io.jobdrop.ingest.JobIds;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/** The harness's command line; {@link #USAGE} lists it. */
public record BenchOptions(int files, double rate, BenchDatabase.Kind db, String xmx, int steadySeconds, Path work,
                           Path results, Path launcher, Path jar, String jobdropClasspath, long seed,
                           int stallSeconds, boolean http, int instances, boolean bucket, int repeat,
                           String jobIds) {

    public static final String USAGE = """
            usage: Bench [--files N] [--rate R] [--db h2|postgres] [--xmx SIZE] [--steady-seconds S]
                         [--work DIR] [--results DIR] [--launcher FILE] [--jar FILE | --jobdrop-classpath CP]
                         [--seed N] [--stall-seconds S] [--http] [--instances N] [--bucket] [--repeat N]
                         [--job-ids random|time-ordered]
              --files N            job files in the burst (default 10000)
              --rate R             files per second in the steady runs (default 50)
              --db KIND            h2 (a file in the work folder) or postgres (a fresh database on 127.0.0.1:5432)
              --xmx SIZE           -Xmx for the jobdrop and baseline JVMs (default: the JVM's own)
              --steady-seconds S   length of each steady run (default 30)
              --work DIR           where inputs, inboxes and databases go (default bench/work)
              --results DIR        where the report is written as <timestamp>-<db>.md (default: not written)
              --launcher FILE      jobdrop's launcher script (default ./jobdrop)
              --jar FILE           run jobdrop as JOBDROP_JAR=FILE <launcher> run (default target/jobdrop.jar)
              --jobdrop-classpath CP  run jobdrop as java -cp CP io.jobdrop.cli.Jobdrop run
              --seed N             seed of the job generator (default 1)
              --stall-seconds S    give up when nothing moves for this long (default 60)
              --http               also post the burst's files to POST /api/v1/jobs with 4 concurrent clients
              --instances N        also run the burst through N jobdrop processes on one ledger and one inbox
                                   (needs --db postgres)
              --bucket             also take the burst's files from a bucket (S3Proxy in the harness's JVM)
              --repeat N           measure the bursts of jobdrop, the baseline and the batched baseline (and the
                                   --instances) N times in all, each time in fresh processes, and report the
                                   medians (default 1)
              --job-ids KIND       jobdrop.job-ids of every jobdrop process: random (default) or time-ordered""";

    public static BenchOptions defaults() {
        return parse();
    }

    public static BenchOptions parse(String... args) {
        int files = 10_000;
        double rate = 50;
        BenchDatabase.Kind db = BenchDatabase.Kind.H2;
        String xmx = null;
        int steadySeconds = 30;
        Path work = Path.of("bench", "work");
        Path results = null;
        Path launcher = Path.of("jobdrop");
        Path jar = Path.of("target", "jobdrop.jar");
        String jobdropClasspath = null;
        long seed = 1;
        int stallSeconds = 60;
        boolean http = false;
        int instances = 1;
        boolean bucket = false;
        int repeat = 1;
        String jobIds = "random";
        for (int i = 0; i < args.length; i += 2) {
            String flag = args[i];
            if (flag.equals("--http") || flag.equals("--bucket")) {
                http |= flag.equals("--http");
                bucket |= flag.equals("--bucket");
                i--;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            String value = args[i + 1];
            switch (flag) {
                case "--files" -> files = positive(flag, Integer.parseInt(value));
                case "--rate" -> rate = positive(flag, Double.parseDouble(value));
                case "--db" -> db = database(value);
                case "--xmx" -> xmx = heapSize(value);
                case "--steady-seconds" -> steadySeconds = positive(flag, Integer.parseInt(value));
                case "--work" -> work = Path.of(value);
                case "--results" -> results = Path.of(value);
                case "--launcher" -> launcher = Path.of(value);
                case "--jar" -> {
                    jar = Path.of(value);
                    jobdropClasspath = null;
                }
                case "--jobdrop-classpath" -> {
                    jobdropClasspath = value;
                    jar = null;
                }
                case "--seed" -> seed = Long.parseLong(value);
                case "--stall-seconds" -> stallSeconds = positive(flag, Integer.parseInt(value));
                case "--instances" -> instances = positive(flag, Integer.parseInt(value));
                case "--repeat" -> repeat = positive(flag, Integer.parseInt(value));
                case "--job-ids" -> jobIds = jobIds(value);
                default -> throw new IllegalArgumentException("unknown option " + flag);
            }
        }
        if (instances > 1 && db != BenchDatabase.Kind.POSTGRES) {
            throw new IllegalArgumentException("--instances " + instances + " needs --db postgres: instances share"
                    + " a ledger only on PostgreSQL");
        }
        return new BenchOptions(files, rate, db, xmx, steadySeconds, work, results, launcher, jar, jobdropClasspath,
                seed, stallSeconds, http, instances, bucket, repeat, jobIds);
    }

    /** Files per steady run. */
    public int steadyFiles() {
        return Math.max(1, (int) Math.round(rate * steadySeconds));
    }

    private static BenchDatabase.Kind database(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "h2" -> BenchDatabase.Kind.H2;
            case "postgres", "postgresql", "pg" -> BenchDatabase.Kind.POSTGRES;
            default -> throw new IllegalArgumentException("--db must be h2 or postgres, not " + value);
        };
    }

    private static String jobIds(String value) {
        if (!Arrays.asList(JobIds.words()).contains(value)) {
            throw new IllegalArgumentException("--job-ids must be one of " + String.join(", ", JobIds.words())
                    + ", not " + value);
        }
        return value;
    }

    private static String heapSize(String value) {
        if (!value.matches("[0-9]+[kKmMgG]?")) {
            throw new IllegalArgumentException("--xmx takes a JVM heap size such as 256m, not " + value);
        }
        return value;
    }

    private static <N extends Number> N positive(String flag, N value) {
        if (value.doubleValue() <= 0) {
            throw new IllegalArgumentException(flag + " must be positive");
        }
        return value;
    }
}
