package io.jobdrop.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Realistic Bacalhau jobs as trees, in the shapes of the corpus (../shared/corpus/bacalhau): docker tasks with
 * Entrypoint and Parameters, env, resources, S3 / urlDownload / IPFS inputs, publishers with result paths, constraints,
 * labels, timeouts and networks. Every choice stays inside what the orchestrator accepts, so every job is valid.
 */
final class JobShapes {

    enum Kind { ETL, FETCH, IPFS, SCRIPT, OPS, SERVICE, DAEMON }

    private static final Kind[] KINDS_BY_WEIGHT = weighted(
            Kind.ETL, 30, Kind.FETCH, 20, Kind.IPFS, 10, Kind.SCRIPT, 20, Kind.OPS, 8, Kind.SERVICE, 6, Kind.DAEMON, 6);
    private static final String[] IMAGES = {"python:3.11-slim", "ubuntu:22.04", "busybox:1.37.0", "alpine:3.20",
            "ghcr.io/acme/etl:2.3.1", "duckdb/duckdb:1.1.3", "registry.internal:5000/ml/trainer:0.9.4"};
    private static final String[] BUCKETS = {"acme-raw-events", "acme-landing", "bacalhau-test-datasets",
            "ml-training-sets", "logs-archive"};
    private static final String[] REGIONS = {"eu-west-1", "us-east-1", "us-west-2", "eu-central-1"};
    private static final String[] CPUS = {"250m", "500m", "1", "2", "0.5", "1500m", "4"};
    private static final String[] MEMORIES = {"256Mb", "512Mb", "1Gb", "2GiB", "4Gb", "8Gb", "512Mi"};
    private static final String[] DISKS = {"1Gb", "10GB", "500Mb", "20Gb"};
    private static final String[] LABEL_KEYS = {"team", "project", "env", "owner", "cost-center", "pipeline",
            "dataset", "tier", "stage", "app"};
    private static final String[] LABEL_VALUES = {"data-platform", "analytics", "prod", "staging", "dev", "ml",
            "nightly", "backfill", "reporting", "ingest", "alice", "bob"};
    private static final String[][] ENV = {{"LOG_LEVEL", "info"}, {"OUTPUT_FORMAT", "parquet"},
            {"BATCH_SIZE", "1000"}, {"TZ", "UTC"}, {"PYTHONUNBUFFERED", "1"}, {"DATASET", "events"},
            {"MAX_WORKERS", "4"}, {"REGION", "eu-west-1"}, {"HTTP_PROXY", "env:HTTP_PROXY"}};
    private static final String BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    private final Random random;

    private JobShapes(Random random) {
        this.random = random;
    }

    static Kind kind(Random random) {
        return KINDS_BY_WEIGHT[random.nextInt(KINDS_BY_WEIGHT.length)];
    }

    static Map<String, Object> job(String name, Kind kind, Random random) {
        return new JobShapes(random).job(name, kind);
    }

    private Map<String, Object> job(String name, Kind kind) {
        Map<String, Object> job = new LinkedHashMap<>();
        job.put("Name", name);
        job.put("Type", switch (kind) {
            case OPS -> "ops";
            case SERVICE -> "service";
            case DAEMON -> "daemon";
            default -> "batch";
        });
        int namespace = random.nextInt(10);
        if (namespace >= 5) {
            job.put("Namespace", namespace >= 8 ? "team-" + pick(LABEL_VALUES) : "default");
        }
        if (chance(40)) {
            job.put("Priority", (long) random.nextInt(101));
        }
        if (kind == Kind.SERVICE || (kind.ordinal() <= Kind.SCRIPT.ordinal() && chance(70))) {
            job.put("Count", (long) (1 + random.nextInt(3)));
        }
        if (chance(40)) {
            job.put("Constraints", constraints());
        }
        if (chance(30)) {
            Map<String, Object> meta = new LinkedHashMap<>();
            meta.put("requested-by", pick(LABEL_VALUES) + "@acme.example");
            meta.put("ticket", "DATA-" + (1000 + random.nextInt(9000)));
            job.put("Meta", meta);
        }
        if (chance(70)) {
            Map<String, Object> labels = new LinkedHashMap<>();
            int count = 1 + random.nextInt(4);
            for (int i = 0; i < count; i++) {
                labels.put(pick(LABEL_KEYS), pick(LABEL_VALUES));
            }
            job.put("Labels", labels);
        }
        job.put("Tasks", List.of(task(kind)));
        return job;
    }

    private Map<String, Object> task(Kind kind) {
        Map<String, Object> task = new LinkedHashMap<>();
        task.put("Name", chance(60) ? "main" : kind.name().toLowerCase() + "-task");
        task.put("Engine", engine(kind));
        boolean publishes = kind != Kind.SERVICE && kind != Kind.DAEMON && kind != Kind.SCRIPT || chance(30);
        if (publishes) {
            task.put("Publisher", publisher(kind));
        }
        if (chance(40)) {
            Map<String, Object> env = new LinkedHashMap<>();
            int count = 1 + random.nextInt(3);
            for (int i = 0; i < count; i++) {
                String[] setting = ENV[random.nextInt(ENV.length)];
                env.put(setting[0], setting[1]);
            }
            task.put("Env", env);
        }
        List<Object> inputs = inputs(kind);
        if (!inputs.isEmpty()) {
            task.put("InputSources", inputs);
        }
        if (publishes && kind != Kind.SERVICE && kind != Kind.DAEMON) {
            List<Object> paths = new ArrayList<>();
            paths.add(ordered("Name", "outputs", "Path", "/outputs"));
            if (chance(30)) {
                paths.add(ordered("Name", "logs", "Path", "/var/log/job"));
            }
            task.put("ResultPaths", paths);
        }
        if (chance(60)) {
            Map<String, Object> resources = new LinkedHashMap<>();
            resources.put("CPU", pick(CPUS));
            resources.put("Memory", pick(MEMORIES));
            if (chance(30)) {
                resources.put("Disk", pick(DISKS));
            }
            if (chance(5)) {
                resources.put("GPU", "1");
            }
            task.put("Resources", resources);
        }
        Map<String, Object> network = network(kind);
        if (network != null) {
            task.put("Network", network);
        }
        if (chance(50)) {
            task.put("Timeouts", timeouts());
        }
        return task;
    }

    private Map<String, Object> engine(Kind kind) {
        Map<String, Object> params = new LinkedHashMap<>();
        switch (kind) {
            case ETL -> {
                params.put("Image", chance(50) ? "ghcr.io/acme/etl:2.3.1" : "python:3.11-slim");
                params.put("Entrypoint", List.of("python", "/app/etl.py"));
                params.put("Parameters", List.of("--date", date(), "--input", "/inputs/raw", "--output",
                        "/outputs/" + pick(LABEL_VALUES) + ".parquet"));
            }
            case FETCH -> {
                params.put("Image", chance(50) ? "ubuntu:22.04" : "busybox:1.37.0");
                params.put("Parameters", List.of("head", "-n", Integer.toString(10 + random.nextInt(990)),
                        "/data/data.csv"));
            }
            case IPFS -> {
                params.put("Image", "ubuntu:22.04");
                params.put("Entrypoint", List.of("/bin/bash"));
                params.put("Parameters", List.of("-c", "cat /data/file.txt | wc -l > /outputs/lines.txt"));
            }
            case SCRIPT -> {
                params.put("Image", pick(IMAGES));
                params.put("Entrypoint", List.of("/bin/sh"));
                params.put("Parameters", List.of("-c", "echo \"partition $BACALHAU_PARTITION_INDEX\"\n"
                        + "files=$(find /inputs -type f | wc -l)\n"
                        + "echo \"found $files files\" > /tmp/summary.txt\n"
                        + "sleep " + random.nextInt(60) + "\n"));
                if (chance(50)) {
                    params.put("WorkingDirectory", "/work");
                }
            }
            case OPS -> {
                params.put("Image", "alpine:3.20");
                params.put("Entrypoint", List.of("/bin/sh", "-c"));
                params.put("Parameters", List.of("df -h / && du -sh /var/log/* | sort -h | tail -n 5"));
            }
            case SERVICE, DAEMON -> {
                params.put("Image", kind == Kind.SERVICE ? "registry.internal:5000/ml/trainer:0.9.4"
                        : "busybox:1.37.0");
                params.put("Entrypoint", List.of("/bin/sh", "-c"));
                params.put("Parameters", List.of("while true; do date; sleep " + (5 + random.nextInt(55))
                        + "; done"));
            }
        }
        if (chance(25)) {
            params.put("EnvironmentVariables", List.of("DEFAULT_USER_NAME=root", "RUN_ID=" + random.nextInt(100000)));
        }
        Map<String, Object> engine = new LinkedHashMap<>();
        engine.put("Type", "docker");
        engine.put("Params", params);
        return engine;
    }

    private Map<String, Object> publisher(Kind kind) {
        Map<String, Object> publisher = new LinkedHashMap<>();
        int choice = random.nextInt(10);
        if (kind == Kind.IPFS || choice == 0) {
            publisher.put("Type", "ipfs");
        } else if (choice <= 4) {
            publisher.put("Type", "s3");
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("Bucket", pick(BUCKETS));
            params.put("Key", "results/" + pick(LABEL_VALUES) + "/{jobID}/");
            params.put("Region", pick(REGIONS));
            publisher.put("Params", params);
        } else if (choice <= 8) {
            publisher.put("Type", "local");
        } else {
            publisher.put("Type", "noop");
        }
        return publisher;
    }

    private List<Object> inputs(Kind kind) {
        List<Object> inputs = new ArrayList<>();
        switch (kind) {
            case ETL -> {
                int count = 1 + random.nextInt(2);
                for (int i = 0; i < count; i++) {
                    inputs.add(s3Input(i));
                }
            }
            case FETCH -> inputs.add(input("input_data", "/data/data.csv", "urlDownload",
                    Map.of("URL", "https://data.example.com/exports/" + date() + "/data.csv")));
            case IPFS -> inputs.add(input(null, "/data", "ipfs", Map.of("CID", cid())));
            case SCRIPT -> {
                if (chance(50)) {
                    inputs.add(s3Input(0));
                }
            }
            default -> {
            }
        }
        return inputs;
    }

    private Map<String, Object> s3Input(int index) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("Bucket", pick(BUCKETS));
        params.put("Key", "events/" + date() + "/part-" + index + "/");
        params.put("Region", pick(REGIONS));
        if (chance(20)) {
            params.put("Endpoint", "http://minio.internal:9000");
        }
        return input("input_" + index, "/inputs/raw" + (index == 0 ? "" : "-" + index), "s3", params);
    }

    private static Map<String, Object> input(String alias, String target, String type, Map<String, Object> params) {
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("Type", type);
        source.put("Params", params);
        Map<String, Object> input = new LinkedHashMap<>();
        if (alias != null) {
            input.put("Alias", alias);
        }
        input.put("Target", target);
        input.put("Source", source);
        return input;
    }

    private Map<String, Object> network(Kind kind) {
        if (kind == Kind.SCRIPT || chance(10)) {
            Map<String, Object> network = new LinkedHashMap<>();
            network.put("Type", "HTTP");
            network.put("Domains", List.of("pypi.org", "files.pythonhosted.org", "data.example.com"));
            return network;
        }
        if (kind == Kind.IPFS || chance(10)) {
            return Map.of("Type", pick(new String[]{"None", "Host", "Bridge"}));
        }
        return null;
    }

    private Map<String, Object> timeouts() {
        Map<String, Object> timeouts = new LinkedHashMap<>();
        long execution = 300L * (1 + random.nextInt(12));
        long queue = 60L * random.nextInt(10);
        timeouts.put("ExecutionTimeout", execution);
        if (queue > 0) {
            timeouts.put("QueueTimeout", queue);
        }
        if (chance(40)) {
            timeouts.put("TotalTimeout", execution + queue + 60L * random.nextInt(30));
        }
        return timeouts;
    }

    private List<Object> constraints() {
        List<Object> constraints = new ArrayList<>();
        constraints.add(ordered("Key", "Architecture", "Operator", "=", "Values", List.of("amd64")));
        if (chance(50)) {
            constraints.add(ordered("Key", "region", "Operator", "in", "Values",
                    List.of(pick(REGIONS), pick(REGIONS))));
        }
        if (chance(20)) {
            constraints.add(ordered("Key", "gpu-model", "Operator", "exists"));
        }
        return constraints;
    }

    private String date() {
        return String.format("2026-%02d-%02d", 1 + random.nextInt(12), 1 + random.nextInt(28));
    }

    private String cid() {
        StringBuilder cid = new StringBuilder("Qm");
        for (int i = 0; i < 44; i++) {
            cid.append(BASE58.charAt(random.nextInt(BASE58.length())));
        }
        return cid.toString();
    }

    private boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    private String pick(String[] options) {
        return options[random.nextInt(options.length)];
    }

    /** Map.of would do, but its iteration order changes from one JVM to the next, and so would the files. */
    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static Kind[] weighted(Object... kindsAndWeights) {
        List<Kind> kinds = new ArrayList<>();
        for (int i = 0; i < kindsAndWeights.length; i += 2) {
            for (int w = 0; w < (Integer) kindsAndWeights[i + 1]; w++) {
                kinds.add((Kind) kindsAndWeights[i]);
            }
        }
        return kinds.toArray(Kind[]::new);
    }
}
