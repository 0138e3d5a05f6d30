package io.jobdrop.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.jobdrop.spec.Job;
import io.jobdrop.spec.JobJson;
import io.jobdrop.spec.Problem;
import io.jobdrop.spec.SourceMap;
import io.jobdrop.spec.Violations;
import io.jobdrop.spec.go.Utf8;
import io.jobdrop.spec.parse.GoUtf8;
import io.jobdrop.spec.parse.GoYaml;
import io.jobdrop.spec.parse.JobDecoder;
import io.jobdrop.spec.parse.YamlDocument;
import io.jobdrop.spec.parse.YamlSyntaxException;
import io.jobdrop.spec.template.GoTemplate;
import io.jobdrop.spec.template.TemplateException;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the bytes of one job file into a verdict, step for step as {@code bacalhau job run} and a Bacalhau main
 * orchestrator would: render the Go template, decode YAML/JSON, ValidateSubmission on the raw job, then Normalize,
 * SanitizeSubmission (warnings), the ID/Name transformers, defaults, the legacy-wasm transformer and the store-time
 * Validate. Every document of a multi-document file is a job; the file is accepted only if all of them are. A file
 * is read within its {@link ReadLimits}, so that no file, however hostile, runs long or fills the heap.
 */
public final class JobFileReader {

    static final String NO_CONTENT = "the job provided is invalid: no content provided";
    static final String EMPTY_JOB = "empty/nil job";

    private final boolean templating;
    private final Map<String, String> templateVars;
    private final Stamper stamper;
    private final JobDefaults defaults;
    private final ReadLimits limits;

    public JobFileReader(boolean templating, Map<String, String> templateVars, Stamper stamper, JobDefaults defaults) {
        this(templating, templateVars, stamper, defaults, ReadLimits.DEFAULTS);
    }

    public JobFileReader(boolean templating, Map<String, String> templateVars, Stamper stamper, JobDefaults defaults,
                         ReadLimits limits) {
        this.templating = templating;
        this.templateVars = Map.copyOf(templateVars);
        this.stamper = stamper;
        this.defaults = defaults;
        this.limits = limits;
    }

    public ReadLimits limits() {
        return limits;
    }

    public FileVerdict read(String file, byte[] content) {
        return read(file, content, Map.of());
    }

    /** @param requestVars template variables of this file alone (an HTTP request's); they win over the configured */
    public FileVerdict read(String file, byte[] content, Map<String, String> requestVars) {
        Map<String, String> vars = templateVars;
        if (!requestVars.isEmpty()) {
            vars = new HashMap<>(templateVars);
            vars.putAll(requestVars);
        }
        if (content.length == 0) {
            return FileVerdict.rejected(file, List.of(Problem.unplaced(NO_CONTENT)), List.of());
        }
        if (content.length > limits.fileBytes()) {
            return FileVerdict.rejected(file, List.of(Problem.unplaced(tooLarge(content.length, limits.fileBytes()))), List.of());
        }
        // Go templates bytes, not text: bad UTF-8 passes the template and is refused by go-yaml afterwards
        YamlSyntaxException badText = GoUtf8.check(content);
        String text = GoUtf8.lenient(content);
        if (templating) {
            try {
                text = GoTemplate.render(text, vars, limits.template());
            } catch (TemplateException e) {
                return FileVerdict.rejected(file, List.of(Problem.at(e.bacalhauMessage(), "", e.position())), List.of());
            }
        }
        try {
            if (badText != null) {
                throw badText;
            }
            return judge(file, GoYaml.load(text, limits.yaml()));
        } catch (YamlSyntaxException e) {
            return FileVerdict.rejected(file, List.of(Problem.at(e.getMessage(), "", e.position())), List.of());
        } catch (StackOverflowError e) {
            // only reachable with jobdrop.limits.depth raised past what this JVM's thread stack holds
            return FileVerdict.rejected(file, List.of(Problem.unplaced("file nests too deeply for the thread's stack ("
                    + ReadLimits.DEPTH + " is " + limits.depth() + "; lower it)")), List.of());
        }
    }

    /** file is 11534336 bytes, more than the limit of 10485760 (jobdrop.limits.file-bytes) */
    public static String tooLarge(long size, long limit) {
        return "file is " + size + " bytes, more than the limit of " + limit + " (" + ReadLimits.FILE_BYTES + ")";
    }

    private FileVerdict judge(String file, List<YamlDocument> documents) {
        List<Problem> errors = new ArrayList<>();
        List<Problem> warnings = new ArrayList<>();
        List<AcceptedJob> jobs = new ArrayList<>();
        List<YamlDocument> withContent = documents.stream().filter(d -> d.root() != null).toList();
        // stray `---` separators around real documents are not jobs; a file of nothing but empty documents is one nil job
        long fileJson = 0;
        for (YamlDocument document : withContent.isEmpty() ? documents.subList(0, 1) : withContent) {
            fileJson += readDocument(document, errors, warnings, jobs);
            if (fileJson > limits.fileJsonBytes()) {
                errors.add(Problem.at("file becomes more than " + limits.fileJsonBytes() + " bytes of job JSON ("
                        + ReadLimits.FILE_JSON_BYTES + ")", "", document.start()));
                break;
            }
        }
        if (!errors.isEmpty()) {
            return FileVerdict.rejected(file, errors, warnings);
        }
        return new FileVerdict(file, List.of(), List.copyOf(warnings), List.copyOf(jobs));
    }

    /** Judges one document's job, adding it to {@code jobs} when accepted; returns the bytes of its JSON. */
    private long readDocument(YamlDocument document, List<Problem> errors, List<Problem> warnings, List<AcceptedJob> jobs) {
        Violations problems = Violations.collector();
        Violations notes = Violations.collector();
        Violations sanitized = Violations.collector();
        JobDecoder.Decoded decoded = JobDecoder.decode(document, problems, notes);
        Job job = decoded.job();
        if (problems.isEmpty() && job == null) {
            problems.add("", EMPTY_JOB);
        }
        if (problems.isEmpty()) {
            job.validateSubmission(problems);
        }
        String specJson = null;
        try {
            specJson = problems.isEmpty() ? admit(job, problems, sanitized) : null;
        } catch (UncheckedIOException e) {
            // only reachable with jobdrop.limits.depth raised past the 1,000 levels Jackson writes
            String why = e.getCause() instanceof JsonProcessingException j ? j.getOriginalMessage() : String.valueOf(e.getCause());
            problems.add("", "job cannot be written as JSON: " + why + " (lower " + ReadLimits.DEPTH + ")");
        }
        long jsonBytes = specJson == null ? 0 : Utf8.length(specJson);
        if (jsonBytes > limits.jobBytes()) {
            problems.add("", "job is " + jsonBytes + " bytes of JSON, more than the limit of " + limits.jobBytes()
                    + " (" + ReadLimits.JOB_BYTES + ")");
        }
        SourceMap where = decoded.sourceMap();
        // Bacalhau's own warnings first, then jobdrop's notes about the file (such as an unwrapped API body)
        List<Problem> jobWarnings = new ArrayList<>(place(sanitized, where));
        jobWarnings.addAll(place(notes, where));
        if (problems.isEmpty()) {
            jobs.add(new AcceptedJob(job, specJson, List.copyOf(jobWarnings)));
        }
        errors.addAll(place(problems, where));
        warnings.addAll(jobWarnings);
        return jsonBytes;
    }

    /**
     * What the orchestrator does with a job that passed ValidateSubmission: Normalize, SanitizeSubmission, the ID and
     * Name transformers (stamped together with the other server fields, which nothing in between reads), defaults,
     * the legacy-wasm transformer, then the store's Normalize and Validate. Returns the spec to forward: the sanitized
     * submission with its Name, taken before the defaults so that the orchestrator's own apply.
     */
    private String admit(Job job, Violations problems, Violations warnings) {
        job.normalize();
        job.sanitizeSubmission(warnings);
        stamper.stampNew(job);
        String spec = JobJson.writeSpec(job);
        defaults.apply(job);
        LegacyWasmTransformer.apply(job, problems);
        job.normalize();
        job.validateStored(problems);
        return spec;
    }

    private static List<Problem> place(Violations violations, SourceMap where) {
        List<Problem> placed = new ArrayList<>(violations.size());
        for (Violations.Entry e : violations.entries()) {
            placed.add(Problem.at(e.message(), e.path(), where.positionOf(e.path())));
        }
        return placed;
    }
}
