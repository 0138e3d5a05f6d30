package io.jobdrop.intake.table;

import io.jobdrop.app.SettingException;
import io.jobdrop.app.Settings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One table source as configured: {@code jobdrop.tables} names the sources, and each name {@code <t>} has its keys
 * {@code jobdrop.table.<t>.*}, falling back to {@code jobdrop.table-defaults.*}. Table and column names end up in SQL
 * text (a JDBC statement cannot take them as parameters), so they must be plain identifiers; a bad one is refused at
 * start, naming its key and where it came from.
 */
public record TableSettings(String name, String url, String user, String password, String table, Duration poll,
                            int batch, int poolSize, Duration connectTimeout, Columns columns) {

    public static final String LIST_KEY = "jobdrop.tables";
    static final String DEFAULTS = "jobdrop.table-defaults.";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_]+");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");
    private static final List<String> DEFAULTED = List.of("table", "poll-ms", "batch", "pool-size",
            "connect-timeout-ms", "column.id", "column.spec", "column.vars", "column.status", "column.job-ids",
            "column.errors", "column.taken-at");

    /** The columns jobdrop reads and writes; the ETL system's own (created_at, others) are left alone. */
    public record Columns(String id, String spec, String vars, String status, String jobIds, String errors,
                          String takenAt) {
    }

    /** The ledger's source for this table's rows: {@code table:<t>}. */
    public String source() {
        return "table:" + name;
    }

    /** What a row is called in logs, the ledger and the status API: {@code <t>#<id>}. */
    public String rowName(Object id) {
        return name + "#" + id;
    }

    /** Every configured table source; none when jobdrop.tables is empty. */
    public static List<TableSettings> all(Settings settings) {
        List<String> names = new ArrayList<>();
        for (String part : settings.text(LIST_KEY).split(",")) {
            String name = part.trim();
            if (name.isEmpty()) {
                continue;
            }
            if (!NAME.matcher(name).matches()) {
                throw new SettingException(LIST_KEY, LIST_KEY + ": \"" + name + "\" is not a table source name"
                        + " (letters, digits and _ only, so that its settings have environment names) (from "
                        + settings.origin(LIST_KEY) + ")");
            }
            if (names.contains(name)) {
                throw new SettingException(LIST_KEY, LIST_KEY + ": \"" + name + "\" is named twice (from "
                        + settings.origin(LIST_KEY) + ")");
            }
            names.add(name);
        }
        List<TableSettings> tables = new ArrayList<>();
        for (String name : names) {
            tables.add(of(name, settings));
        }
        return tables;
    }

    static TableSettings of(String name, Settings base) {
        String prefix = "jobdrop.table." + name + ".";
        Map<String, String> keys = new LinkedHashMap<>();
        for (String key : List.of("url", "user", "password", "password-file")) {
            keys.put(prefix + key, null);
        }
        for (String key : DEFAULTED) {
            keys.put(prefix + key, DEFAULTS + key);
        }
        Settings s = base.withKeys(keys);
        String url = s.text(prefix + "url");
        if (url.isEmpty()) {
            throw new SettingException(prefix + "url", prefix + "url is not set, but " + LIST_KEY
                    + " names the table source " + name + " (from " + s.origin(LIST_KEY) + "); set it or "
                    + Settings.envName(prefix + "url") + " to the table's JDBC URL");
        }
        if (!url.startsWith("jdbc:")) {
            throw new SettingException(prefix + "url", prefix + "url: \"" + url + "\" is not a JDBC URL (jdbc:...) (from "
                    + s.origin(prefix + "url") + ")");
        }
        Columns columns = new Columns(identifier(s, prefix + "column.id"), identifier(s, prefix + "column.spec"),
                identifier(s, prefix + "column.vars"), identifier(s, prefix + "column.status"),
                identifier(s, prefix + "column.job-ids"), identifier(s, prefix + "column.errors"),
                identifier(s, prefix + "column.taken-at"));
        return new TableSettings(name, url, s.text(prefix + "user"), s.secret(prefix + "password"),
                identifier(s, prefix + "table"), Duration.ofMillis(s.integer(prefix + "poll-ms", 1)),
                s.integer(prefix + "batch", 1), s.integer(prefix + "pool-size", 1),
                Duration.ofMillis(s.integer(prefix + "connect-timeout-ms", 250)), columns);
    }

    private static String identifier(Settings s, String key) {
        String text = s.text(key);
        if (!IDENTIFIER.matcher(text).matches()) {
            throw new SettingException(key, key + ": \"" + text + "\" is not a plain SQL name (letters, digits and _,"
                    + " optionally schema.name) (from " + s.origin(key) + ")");
        }
        return text;
    }
}
