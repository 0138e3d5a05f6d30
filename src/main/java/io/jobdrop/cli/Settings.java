package io.jobdrop.cli;

import io.jobdrop.ingest.TemplateVars;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * jobdrop's configuration: the packaged application.properties, overridden by environment variables named after the
 * keys (JOBDROP_INBOX_STABLE_MS for jobdrop.inbox.stable-ms), then by -D system properties, then by command-line flags.
 * The CLI commands that open the ledger read the same values as {@code run}.
 */
public final class Settings {

    public static final String TEMPLATE_VARS_PREFIX = "jobdrop.template.vars.";

    private final Map<String, String> values;

    private Settings(Map<String, String> values) {
        this.values = values;
    }

    public static Settings resolve(Map<String, String> flags) {
        return resolve(flags, System.getenv(), System.getProperties());
    }

    static Settings resolve(Map<String, String> flags, Map<String, String> env, Properties system) {
        Map<String, String> values = new LinkedHashMap<>();
        Properties packaged = packagedDefaults();
        for (String key : packaged.stringPropertyNames()) {
            values.put(key, packaged.getProperty(key).trim());
        }
        for (String key : packaged.stringPropertyNames()) {
            if (key.startsWith("jobdrop.")) {
                String fromEnv = env.get(envName(key));
                if (fromEnv != null) {
                    values.put(key, fromEnv);
                }
            }
        }
        TemplateVars.fromEnvironment(env).forEach((name, value) -> values.put(TEMPLATE_VARS_PREFIX + name, value));
        for (String key : system.stringPropertyNames()) {
            if (key.startsWith("jobdrop.") || key.startsWith("camel.")) {
                values.put(key, system.getProperty(key));
            }
        }
        flags.forEach((key, value) -> {
            if (value != null) {
                values.put(key, value);
            }
        });
        return new Settings(values);
    }

    /** jobdrop.inbox.stable-ms → JOBDROP_INBOX_STABLE_MS */
    public static String envName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    public String get(String key) {
        String value = values.get(key);
        if (value == null) {
            throw new IllegalStateException("missing setting " + key);
        }
        return value;
    }

    public Map<String, String> all() {
        return Map.copyOf(values);
    }

    /** Template variables from jobdrop.template.vars.* settings and JOBDROP_VAR_* environment variables. */
    public Map<String, String> templateVars() {
        Map<String, String> vars = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            if (key.startsWith(TEMPLATE_VARS_PREFIX)) {
                vars.put(key.substring(TEMPLATE_VARS_PREFIX.length()), value);
            }
        });
        return vars;
    }

    private static Properties packagedDefaults() {
        Properties p = new Properties();
        try (InputStream in = Settings.class.getResourceAsStream("/application.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
