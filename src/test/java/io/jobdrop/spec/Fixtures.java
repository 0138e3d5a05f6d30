package io.jobdrop.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small builders for jobs written directly in Java, and shortcuts to run the rules. */
public final class Fixtures {

    private Fixtures() {
    }

    /** A minimal valid job: one task {@code main} on docker. */
    public static Job job(String type) {
        Job job = new Job();
        job.type = type;
        job.count = 1;
        job.tasks = new ArrayList<>(List.of(task("main")));
        return job;
    }

    public static Task task(String name) {
        Task task = new Task();
        task.name = name;
        task.engine = spec("docker", "Image", "busybox");
        return task;
    }

    /** A job with one task, so tests can write {@code onlyTask(job)}. */
    public static Task onlyTask(Job job) {
        return job.tasks.get(0);
    }

    public static SpecConfig spec(String type, Object... keysAndValues) {
        SpecConfig spec = new SpecConfig();
        spec.type = type;
        if (keysAndValues.length > 0) {
            spec.params = map(keysAndValues);
        }
        return spec;
    }

    public static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    public static Map<String, String> strings(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    public static InputSource input(String alias, String target) {
        InputSource input = new InputSource();
        input.source = spec("urlDownload", "URL", "https://example.com/data.csv");
        input.alias = alias;
        input.target = target;
        return input;
    }

    public static ResultPath result(String name, String path) {
        ResultPath result = new ResultPath();
        result.name = name;
        result.path = path;
        return result;
    }

    public static ResourcesConfig resources(String cpu, String memory, String disk, String gpu) {
        ResourcesConfig r = new ResourcesConfig();
        r.cpu = cpu;
        r.memory = memory;
        r.disk = disk;
        r.gpu = gpu;
        return r;
    }

    public static TimeoutConfig timeouts(long execution, long queue, long total) {
        TimeoutConfig t = new TimeoutConfig();
        t.executionTimeout = execution;
        t.queueTimeout = queue;
        t.totalTimeout = total;
        return t;
    }

    public static NetworkConfig network(Network type, String... domains) {
        NetworkConfig n = new NetworkConfig();
        n.type = type;
        if (domains.length > 0) {
            n.domains = new ArrayList<>(List.of(domains));
        }
        return n;
    }

    public static PortMapping port(String name, long staticPort, long target) {
        PortMapping p = new PortMapping();
        p.name = name;
        p.staticPort = staticPort;
        p.target = target;
        return p;
    }

    public static LabelSelectorRequirement constraint(String key, String operator, String... values) {
        LabelSelectorRequirement c = new LabelSelectorRequirement();
        c.key = key;
        c.operator = operator;
        if (values.length > 0) {
            c.values = new ArrayList<>(List.of(values));
        }
        return c;
    }

    public static Violations.Entry entry(String path, String message) {
        return new Violations.Entry(path, message);
    }

    public static List<Violations.Entry> submissionErrors(Job job) {
        Violations errors = Violations.collector();
        job.validateSubmission(errors);
        return errors.entries();
    }

    public static List<Violations.Entry> storedErrors(Job job) {
        Violations errors = Violations.collector();
        job.validateStored(errors);
        return errors.entries();
    }

    public static List<String> messages(List<Violations.Entry> entries) {
        return entries.stream().map(Violations.Entry::message).toList();
    }

    /** The errors of one task validated on its own, with the prefix Bacalhau gives a task named {@code main}. */
    public static List<Violations.Entry> taskErrors(Task task) {
        Violations errors = Violations.collector();
        task.validateSubmission(errors);
        return errors.entries();
    }
}
