package io.jobdrop.app;

import io.jobdrop.forward.OrchestratorAddress;
import io.jobdrop.ingest.TemplateVars;
import org.apache.camel.util.TimeUtils;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * jobdrop's one settings resolver. Every {@code jobdrop.*} key of the packaged application.properties is looked up,
 * strongest first, in the command-line flags, the {@code -D} system properties, the environment (the key in upper
 * case, dots and dashes as underscores: {@code JOBDROP_INBOX_STABLE_MS}), and the packaged default. Each value
 * remembers where it came from, so a bad one is reported with its key and its source rather than as a parse error.
 * The Camel context gets the resolved values as they are ({@link JobdropMain}), so routes and beans see the same.
 */
public final class Settings {

    public static final String TEMPLATE_VARS_PREFIX = "jobdrop.template.vars.";
    static final String TEMPLATE_EXCLUDE = "jobdrop.template.exclude";
    /** Keys that were renamed: still read under their old name (as -D or an override), and still resolvable there. */
    static final Map<String, String> RENAMED = Map.of("jobdrop.api-port", "jobdrop.api.port");
    private static final String FILE_SUFFIX = "-file";

    /** A command-line flag's value for a key; {@code option} is how the user wrote it, e.g. {@code --inbox}. */
    public record Flag(String key, String option, String value) {
    }

    /** Where a value came from, strongest first. */
    enum Level { FLAG, SYSTEM_PROPERTY, ENVIRONMENT, PACKAGED }

    record Value(String text, Level level, String origin) {
    }

    private final Map<String, Value> values;
    private final Map<String, String> env;

    private Settings(Map<String, Value> values, Map<String, String> env) {
        this.values = values;
        this.env = env;
    }

    /** The process's own environment and system properties. */
    public static Settings resolve(List<Flag> flags) {
        return resolve(flags, System.getenv(), System.getProperties());
    }

    public static Settings resolve(List<Flag> flags, Map<String, String> env, Properties system) {
        Map<String, Value> values = new TreeMap<>();
        Properties packaged = packagedDefaults();
        for (String key : packaged.stringPropertyNames()) {
            if (key.startsWith("jobdrop.")) {
                values.put(key, new Value(packaged.getProperty(key).trim(), Level.PACKAGED, "the packaged default"));
            }
        }
        for (String key : List.copyOf(values.keySet())) {
            String fromEnv = env.get(envName(key));
            if (fromEnv != null) {
                values.put(key, new Value(fromEnv.trim(), Level.ENVIRONMENT, "environment variable " + envName(key)));
            }
        }
        TemplateVars.fromEnvironment(env).forEach((name, value) -> values.put(TEMPLATE_VARS_PREFIX + name,
                new Value(value, Level.ENVIRONMENT, "environment variable JOBDROP_VAR_" + name)));
        for (String key : system.stringPropertyNames()) {
            if (key.startsWith("jobdrop.")) {
                values.put(RENAMED.getOrDefault(key, key),
                        new Value(trimmed(key, system.getProperty(key)), Level.SYSTEM_PROPERTY, "-D" + key));
            }
        }
        for (Flag flag : flags) {
            if (flag.value() != null) {
                values.put(RENAMED.getOrDefault(flag.key(), flag.key()),
                        new Value(trimmed(flag.key(), flag.value()), Level.FLAG, flag.option()));
            }
        }
        return new Settings(Collections.unmodifiableMap(values), Map.copyOf(env));
    }

    /**
     * These settings plus keys that only exist at run time (one set per table source: {@code jobdrop.table.etl.url}),
     * each resolved as the packaged keys are: a flag or {@code -D} of the key, then its environment variable
     * ({@code JOBDROP_TABLE_ETL_URL}), then the value of the key it defaults to, or empty when that is null. A value
     * taken from its default keeps the default's origin, so an error names where it really came from.
     *
     * @param defaults for each new key, the packaged key whose value it takes by default (or null)
     */
    public Settings withKeys(Map<String, String> defaults) {
        Map<String, Value> extended = new TreeMap<>(values);
        defaults.forEach((key, defaultKey) -> {
            Value given = values.get(key);
            if (given != null && given.level().compareTo(Level.ENVIRONMENT) < 0) {
                return; // a flag or -D of the key itself
            }
            String fromEnv = env.get(envName(key));
            if (fromEnv != null) {
                extended.put(key, new Value(fromEnv.trim(), Level.ENVIRONMENT, "environment variable " + envName(key)));
            } else if (defaultKey != null) {
                extended.put(key, value(defaultKey));
            } else {
                extended.put(key, new Value("", Level.PACKAGED, "the default (not set)"));
            }
        });
        return new Settings(Collections.unmodifiableMap(extended), env);
    }

    /** Settings are read without surrounding blanks; a template variable's value is the user's, blanks and all. */
    private static String trimmed(String key, String value) {
        return key.startsWith(TEMPLATE_VARS_PREFIX) ? value : value.trim();
    }

    /** jobdrop.inbox.stable-ms → JOBDROP_INBOX_STABLE_MS */
    public static String envName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** The value as written (trimmed); empty when the key is set to nothing. */
    public String text(String key) {
        return value(key).text();
    }

    /** Where the key's value came from, as the user would look for it: {@code --inbox}, {@code -Djobdrop.inbox}... */
    public String origin(String key) {
        return value(key).origin();
    }

    /** Whether nobody set the key: its value is the packaged default. */
    public boolean isPackagedDefault(String key) {
        return value(key).level() == Level.PACKAGED;
    }

    public int integer(String key) {
        long n = longValue(key);
        if (n < Integer.MIN_VALUE || n > Integer.MAX_VALUE) {
            throw bad(key, "is too large");
        }
        return (int) n;
    }

    /** An integer of at least {@code min}. */
    public int integer(String key, int min) {
        int n = integer(key);
        if (n < min) {
            throw bad(key, "must be at least " + min);
        }
        return n;
    }

    public long longValue(String key) {
        try {
            return Long.parseLong(text(key));
        } catch (NumberFormatException e) {
            throw bad(key, "is not a number");
        }
    }

    /** {@code true} or {@code false}, in any case; anything else is refused rather than read as false. */
    public boolean bool(String key) {
        String text = text(key).toLowerCase(Locale.ROOT);
        if (!text.equals("true") && !text.equals("false")) {
            throw bad(key, "is not true or false");
        }
        return text.equals("true");
    }

    /** One of the {@code allowed} words, as written. */
    public String oneOf(String key, String... allowed) {
        String text = text(key);
        if (!Arrays.asList(allowed).contains(text)) {
            throw bad(key, "is not one of " + String.join(", ", allowed));
        }
        return text;
    }

    /** Camel's duration syntax: {@code 24h}, {@code 1m30s}, {@code 500ms}; a plain number is milliseconds. */
    public Duration duration(String key) {
        long millis;
        try {
            millis = TimeUtils.toMilliSeconds(text(key));
        } catch (RuntimeException e) {
            throw bad(key, "is not a duration (such as 500ms, 10s, 5m, 24h)");
        }
        if (millis < 0) {
            throw bad(key, "must not be negative");
        }
        return Duration.ofMillis(millis);
    }

    /** A path, made absolute against the working directory. */
    public Path path(String key) {
        if (text(key).isEmpty()) {
            throw bad(key, "is empty; a folder is needed");
        }
        try {
            return Path.of(text(key)).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw bad(key, "is not a path: " + e.getReason());
        }
    }

    /** An http:// or https:// URL with a host. */
    public URI url(String key) {
        return checkedUrl(key, text(key), origin(key));
    }

    /** Comma-separated http:// or https:// URLs, each with a host; none when the value is empty. */
    public List<URI> urls(String key) {
        return Arrays.stream(text(key).split(",")).map(String::trim).filter(u -> !u.isEmpty())
                .map(u -> checkedUrl(key, u, origin(key))).toList();
    }

    /**
     * The orchestrator's base URL: {@code jobdrop.orchestrator.url} when set, else Bacalhau's own
     * BACALHAU_API_HOST/BACALHAU_API_PORT, else http://127.0.0.1:1234.
     */
    public URI orchestratorUrl() {
        String key = OrchestratorAddress.CONFIG_KEY;
        OrchestratorAddress address;
        try {
            address = OrchestratorAddress.resolve(text(key), env);
        } catch (IllegalArgumentException e) {
            throw new SettingException(key, key + ": " + e.getMessage());
        }
        String origin = switch (address.source()) {
            case OrchestratorAddress.CONFIG_KEY -> origin(key);
            case "default" -> "the default";
            default -> "environment variable " + address.source();
        };
        return checkedUrl(key, address.baseUrl(), origin);
    }

    /**
     * A secret: the value of {@code key}, or the first line of the file named by {@code key-file}, so that the secret
     * need not appear on a command line (where {@code ps} shows it). When both are set, the stronger source wins; both
     * given as flags is a usage error.
     */
    public String secret(String key) {
        String fileKey = key + FILE_SUFFIX;
        Value direct = value(key);
        Value file = value(fileKey);
        boolean useFile = !file.text().isEmpty()
                && (direct.text().isEmpty() || file.level().compareTo(direct.level()) < 0);
        if (!file.text().isEmpty() && !direct.text().isEmpty() && file.level() == direct.level()) {
            throw new SettingException(key, key + " and " + fileKey + " are both set (" + direct.origin() + ", "
                    + file.origin() + "); give one of them");
        }
        if (!useFile) {
            return direct.text();
        }
        Path path = path(fileKey);
        try {
            String content = Files.readString(path, StandardCharsets.UTF_8);
            return content.lines().findFirst().orElse("").trim();
        } catch (IOException e) {
            throw bad(fileKey, "cannot be read: " + e.getClass().getSimpleName() + " " + path);
        }
    }

    /**
     * Template variables from {@code jobdrop.template.vars.*} and {@code JOBDROP_VAR_*}, without those whose name
     * matches {@code jobdrop.template.exclude}: a template can print every variable ({@code {{printf "%v" .}}}), so
     * secret-looking ones stay out of jobs unless the pattern is changed.
     */
    public Map<String, String> templateVars() {
        List<Pattern> excluded = globs(text(TEMPLATE_EXCLUDE));
        Map<String, String> vars = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            if (key.startsWith(TEMPLATE_VARS_PREFIX)) {
                String name = key.substring(TEMPLATE_VARS_PREFIX.length());
                if (excluded.stream().noneMatch(p -> p.matcher(name).matches())) {
                    vars.put(name, value.text());
                }
            }
        });
        return vars;
    }

    /** Every resolved jobdrop.* value, as the Camel properties component should see it (renamed keys under both names). */
    public Map<String, String> all() {
        Map<String, String> all = new LinkedHashMap<>();
        values.forEach((key, value) -> all.put(key, value.text()));
        RENAMED.forEach((old, current) -> all.put(old, text(current)));
        return all;
    }

    private Value value(String key) {
        Value value = values.get(key);
        if (value == null) {
            throw new IllegalStateException("unknown setting " + key + ": it needs a line in application.properties");
        }
        return value;
    }

    private SettingException bad(String key, String problem) {
        return new SettingException(key, key + ": \"" + text(key) + "\" " + problem + " (from " + origin(key) + ")");
    }

    private static URI checkedUrl(String key, String text, String origin) {
        String problem;
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                problem = "must start with http:// or https://";
            } else if (uri.getHost() == null) {
                problem = "has no host";
            } else {
                return uri;
            }
        } catch (URISyntaxException e) {
            problem = "is not a URL: " + e.getReason();
        }
        throw new SettingException(key, key + ": \"" + text + "\" " + problem + " (from " + origin + ")");
    }

    /** {@code *TOKEN*,*SECRET*}: comma-separated, {@code *} for any characters, case-insensitive. */
    static List<Pattern> globs(String list) {
        return Arrays.stream(list.split(",")).map(String::trim).filter(g -> !g.isEmpty())
                .map(g -> Pattern.compile(Arrays.stream(g.split("\\*", -1)).map(Pattern::quote)
                        .collect(Collectors.joining(".*")), Pattern.CASE_INSENSITIVE))
                .toList();
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
