package io.jobdrop.spec.parse;

import io.jobdrop.spec.Job;
import io.jobdrop.spec.SourceMap;
import io.jobdrop.spec.Violations;

/**
 * Decodes one YAML document into a {@link Job} as {@code bacalhau job run} does: YAML to JSON (keys sorted, no
 * infinities), the top-level key check, then {@code encoding/json} with case-insensitive keys and Bacalhau's Count
 * default. An API request body ({@code {"Job": {...}}}) is recognised and its job decoded as the server would.
 * Every field, element and map entry decoded is recorded in the source map, so any later error can name its line.
 */
public final class JobDecoder {

    /** What the document held: a job file, or an HTTP request body wrapping the job. */
    public enum Shape { JOB_FILE, API_BODY }

    /** The decoded job ({@code null} when nothing was decoded), the document's shape, and where each field stood. */
    public record Decoded(Job job, Shape shape, SourceMap sourceMap) {
    }

    static final String API_BODY_WARNING = "file holds an API request body {\"Job\": ...}: the job inside it is used";

    private JobDecoder() {
    }

    /**
     * Decodes {@code doc}, adding Bacalhau's errors (with field paths) to {@code errors}. When the YAML cannot become
     * JSON or a top-level key is refused the job is {@code null}, as the CLI stops there; with type errors the job is
     * still returned, but the caller is expected to stop.
     */
    public static Decoded decode(YamlDocument doc, Violations errors, Violations warnings) {
        YamlNode root = doc.root();
        SourceMap sourceMap = new SourceMap(doc.start());
        sourceMap.put("", root != null ? root.position() : doc.start());
        if (root == null || JsonKind.isNull(root)) {
            return new Decoded(null, Shape.JOB_FILE, sourceMap);
        }
        boolean apiBody = root instanceof YamlMap m && ApiBody.is(m);
        Shape shape = apiBody ? Shape.API_BODY : Shape.JOB_FILE;
        if (!UnsupportedValues.check(root, errors, sourceMap)) {
            return new Decoded(null, shape, sourceMap);
        }
        if (apiBody) {
            warnings.add("", API_BODY_WARNING);
            Binding binding = new Binding(sourceMap, false);
            Job job = requestJob((YamlMap) root, binding);
            binding.report(errors);
            return new Decoded(job, shape, sourceMap);
        }
        if (!(root instanceof YamlMap map)) {
            errors.add("", "json: cannot unmarshal " + JsonKind.of(root) + " into Go value of type map[string]interface {}");
            return new Decoded(null, shape, sourceMap);
        }
        if (!TopLevelKeys.check(map, errors, sourceMap)) {
            return new Decoded(null, shape, sourceMap);
        }
        Binding binding = new Binding(sourceMap, true);
        Job job = job(map, binding, null);
        binding.report(errors);
        return new Decoded(job, shape, sourceMap);
    }

    /** The server decodes the body as JSON text: keys in document order, a later {@code Job} key wins (or merges). */
    private static Job requestJob(YamlMap body, Binding binding) {
        Job job = null;
        for (YamlMap.Entry e : body.entries()) {
            if (!ApiBody.isJobKey(e.key())) {
                continue;
            }
            if (JsonKind.isNull(e.value())) {
                job = null;
            } else if (e.value() instanceof YamlMap map) {
                job = job(map, binding, job);
            } else {
                binding.error("", "json: cannot unmarshal " + JsonKind.of(e.value()) + " into Go value of type models.Job");
            }
        }
        return job;
    }

    private static Job job(YamlMap map, Binding binding, Job existing) {
        Job job = (Job) BacalhauTypes.JOB.decode(binding, Where.root("job"), existing, map);
        CountDefault.apply(job, map, binding.sortedKeys());
        return job;
    }
}
