package io.jobdrop.ingest;

import io.jobdrop.spec.template.CsvRecordReader;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Where template variables come from: {@code --var} flags, read as Bacalhau reads -V, and the environment. */
public final class TemplateVars {
    static final String ENV_PREFIX = "JOBDROP_VAR_";

    private TemplateVars() {
    }

    /**
     * `--var` values as Bacalhau's -V flag reads them (pflag's stringToString): each value is CSV ("a=1,b=2" sets
     * two; quotes allow commas), except that a value with a single '=' is taken whole ("q=a,b" sets q to "a,b").
     * Later wins.
     *
     * @throws IllegalArgumentException with pflag's message when a value is not key=value or not valid CSV
     */
    public static Map<String, String> parse(List<String> flagValues) {
        Map<String, String> vars = new TreeMap<>();
        for (String value : flagValues) {
            vars.putAll(parseOne(value));
        }
        return Collections.unmodifiableMap(vars);
    }

    private static Map<String, String> parseOne(String value) {
        Map<String, String> vars = new TreeMap<>();
        if (value.isEmpty()) {
            return vars;
        }
        long equals = value.chars().filter(c -> c == '=').count();
        List<String> pairs;
        if (equals == 0) {
            throw new IllegalArgumentException(value + " must be formatted as key=value");
        } else if (equals == 1) {
            pairs = List.of(trimQuotes(value));
        } else {
            pairs = CsvRecordReader.firstRecord(value);
        }
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException(pair + " must be formatted as key=value");
            }
            vars.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return vars;
    }

    /** strings.Trim(s, `"`): every leading and trailing double quote goes. */
    private static String trimQuotes(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == '"') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == '"') {
            end--;
        }
        return s.substring(start, end);
    }

    /** JOBDROP_VAR_&lt;k&gt;=v environment variables → k=v; the rest of the environment is ignored. */
    public static Map<String, String> fromEnvironment(Map<String, String> env) {
        Map<String, String> vars = new TreeMap<>();
        env.forEach((name, value) -> {
            if (name.startsWith(ENV_PREFIX) && name.length() > ENV_PREFIX.length()) {
                vars.put(name.substring(ENV_PREFIX.length()), value);
            }
        });
        return Collections.unmodifiableMap(vars);
    }
}
