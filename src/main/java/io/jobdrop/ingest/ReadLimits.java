package io.jobdrop.ingest;

import io.jobdrop.spec.parse.YamlLimits;
import io.jobdrop.spec.template.TemplateLimits;

import java.util.function.ToLongFunction;

/**
 * How much one job file may be and become, each a {@code jobdrop.limits.*} setting: bytes on disk, documents, nesting
 * depth, elements (aliases expanded), template output, steps and tokens, and bytes of JSON per job and per file. A file past
 * any of them is rejected with a report naming the limit, before anything of it reaches the ledger.
 */
public record ReadLimits(long fileBytes, int documents, int depth, long elements, long templateOutputBytes,
                         long templateSteps, long templateTokens, long jobBytes, long fileJsonBytes) {

    public static final String FILE_BYTES = "jobdrop.limits.file-bytes";
    public static final String DOCUMENTS = "jobdrop.limits.documents";
    public static final String DEPTH = "jobdrop.limits.depth";
    public static final String ELEMENTS = "jobdrop.limits.elements";
    public static final String TEMPLATE_OUTPUT_BYTES = "jobdrop.limits.template-output-bytes";
    public static final String TEMPLATE_STEPS = "jobdrop.limits.template-steps";
    public static final String TEMPLATE_TOKENS = "jobdrop.limits.template-tokens";
    public static final String JOB_BYTES = "jobdrop.limits.job-bytes";
    public static final String FILE_JSON_BYTES = "jobdrop.limits.file-json-bytes";

    /** The packaged defaults (application.properties holds the same values, with the reasons). */
    public static final ReadLimits DEFAULTS = new ReadLimits(10L * 1024 * 1024, YamlLimits.DEFAULTS.documents(),
            YamlLimits.DEFAULTS.depth(), YamlLimits.DEFAULTS.elements(), TemplateLimits.DEFAULTS.outputBytes(),
            TemplateLimits.DEFAULTS.steps(), TemplateLimits.DEFAULTS.tokens(), 10L * 1024 * 1024,
            YamlLimits.DEFAULTS.valueBytes());

    public ReadLimits {
        if (fileBytes < 1 || jobBytes < 1 || fileJsonBytes < 1) {
            throw new IllegalArgumentException("jobdrop.limits.* must be positive");
        }
        yaml(documents, depth, elements, fileJsonBytes);
        new TemplateLimits(templateOutputBytes, templateSteps, templateTokens);
    }

    /**
     * The limits from settings, by key ({@code jobdrop.limits.file-bytes} ...). The settings resolver parses the
     * numbers (and names the key and where a bad value came from); this only checks that each is positive.
     */
    public static ReadLimits from(ToLongFunction<String> setting) {
        return new ReadLimits(positive(setting, FILE_BYTES), (int) positive(setting, DOCUMENTS),
                (int) positive(setting, DEPTH), positive(setting, ELEMENTS), positive(setting, TEMPLATE_OUTPUT_BYTES),
                positive(setting, TEMPLATE_STEPS), positive(setting, TEMPLATE_TOKENS), positive(setting, JOB_BYTES),
                positive(setting, FILE_JSON_BYTES));
    }

    public TemplateLimits template() {
        return new TemplateLimits(templateOutputBytes, templateSteps, templateTokens);
    }

    public YamlLimits yaml() {
        return yaml(documents, depth, elements, fileJsonBytes);
    }

    private static YamlLimits yaml(int documents, int depth, long elements, long fileJsonBytes) {
        return new YamlLimits(documents, depth, elements, fileJsonBytes);
    }

    private static long positive(ToLongFunction<String> setting, String key) {
        long n = setting.applyAsLong(key);
        if (n < 1 || (key.equals(DOCUMENTS) || key.equals(DEPTH)) && n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(key + ": " + n + " is not a positive whole number"
                    + (key.equals(DOCUMENTS) || key.equals(DEPTH) ? " up to " + Integer.MAX_VALUE : ""));
        }
        return n;
    }
}
