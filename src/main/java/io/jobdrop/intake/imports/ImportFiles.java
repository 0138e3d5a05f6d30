package io.jobdrop.intake.imports;

import io.jobdrop.spec.SourcePosition;
import io.jobdrop.spec.parse.GoYaml;
import io.jobdrop.spec.parse.YamlDocument;
import io.jobdrop.spec.parse.YamlMap;
import io.jobdrop.spec.parse.YamlNode;
import io.jobdrop.spec.parse.YamlScalar;
import io.jobdrop.spec.parse.YamlSeq;
import io.jobdrop.spec.parse.YamlSyntaxException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the imports folder: every *.yaml / *.yml file in it (not below), each holding one import, a list of them, or
 * several {@code ---} documents. The YAML is read by the job files' own safe reader (no type tags, alias and size
 * limits), so positions are exact. A file that does not parse, and an import with an unknown key, a missing or bad
 * value, or a name taken already, is a problem with its file, line and column; it does not stop the other imports.
 */
public final class ImportFiles {

    /** The loaded imports and the problems found, in file order. */
    public record Loaded(List<ImportDefinition> imports, List<ImportProblem> problems) {
    }

    private static final Set<String> KEYS = Set.of("name", "schedule", "timezone", "from", "vars", "catch-up",
            "enabled");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final long MAX_FILE_BYTES = 1024 * 1024;

    private ImportFiles() {
    }

    public static Loaded load(Path folder) {
        List<ImportDefinition> imports = new ArrayList<>();
        List<ImportProblem> problems = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(Files::isRegularFile).filter(ImportFiles::isYaml).sorted().toList();
        } catch (IOException e) {
            problems.add(new ImportProblem(folder, 0, 0, "cannot list the imports folder: " + e));
            return new Loaded(imports, problems);
        }
        Set<String> names = new HashSet<>();
        for (Path file : files) {
            readFile(file, names, imports, problems);
        }
        return new Loaded(List.copyOf(imports), List.copyOf(problems));
    }

    private static boolean isYaml(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return !name.startsWith(".") && (name.endsWith(".yaml") || name.endsWith(".yml"));
    }

    private static void readFile(Path file, Set<String> names, List<ImportDefinition> imports,
                                 List<ImportProblem> problems) {
        List<YamlDocument> documents;
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                problems.add(new ImportProblem(file, 0, 0, "larger than " + MAX_FILE_BYTES + " bytes"));
                return;
            }
            documents = GoYaml.load(Files.readString(file, StandardCharsets.UTF_8));
        } catch (YamlSyntaxException e) {
            // the job reader's wording is Bacalhau's ("converting yaml to json: ..."); an import file is not a job
            problems.add(at(file, e.position(), e.getMessage().replaceFirst("^converting yaml to json: ", "")));
            return;
        } catch (IOException e) {
            problems.add(new ImportProblem(file, 0, 0, "cannot read: " + e));
            return;
        }
        for (YamlDocument document : documents) {
            YamlNode root = document.root();
            if (root == null) {
                continue;
            }
            List<YamlNode> entries = root instanceof YamlSeq seq ? seq.items() : List.of(root);
            for (YamlNode entry : entries) {
                try {
                    ImportDefinition definition = definition(file, entry);
                    if (!names.add(definition.name())) {
                        throw new Invalid("import name '" + definition.name() + "' is declared twice",
                                position(entry));
                    }
                    imports.add(definition);
                } catch (Invalid e) {
                    problems.add(at(file, e.position, e.getMessage()));
                }
            }
        }
    }

    private static ImportDefinition definition(Path file, YamlNode node) throws Invalid {
        if (!(node instanceof YamlMap map)) {
            throw new Invalid("an import must be a mapping of name, schedule, from, ...", position(node));
        }
        Map<String, YamlMap.Entry> keys = new LinkedHashMap<>();
        for (YamlMap.Entry entry : map.entries()) {
            if (!KEYS.contains(entry.key())) {
                throw new Invalid("unknown key '" + entry.key() + "' (an import has name, schedule, timezone, from,"
                        + " vars, catch-up, enabled)", entry.keyPosition());
            }
            keys.put(entry.key(), entry);
        }
        String name = required(keys, "name", map);
        if (!NAME.matcher(name).matches()) {
            throw new Invalid("name '" + name + "' must be letters, digits, '.', '_' or '-' (at most 100)",
                    keys.get("name").value().position());
        }
        ZoneId zone = ZoneOffset.UTC;
        if (keys.containsKey("timezone")) {
            String text = scalar(keys.get("timezone"));
            try {
                zone = ZoneId.of(text);
            } catch (DateTimeException e) {
                throw new Invalid("timezone '" + text + "' is not a time zone ID such as Europe/Berlin or UTC",
                        keys.get("timezone").value().position());
            }
        }
        Schedule schedule;
        try {
            schedule = Schedule.parse(required(keys, "schedule", map), zone);
        } catch (IllegalArgumentException e) {
            throw new Invalid(e.getMessage(), keys.get("schedule").value().position());
        }
        String from = required(keys, "from", map);
        CatchUp catchUp = CatchUp.LAST;
        if (keys.containsKey("catch-up")) {
            try {
                catchUp = CatchUp.parse(scalar(keys.get("catch-up")));
            } catch (IllegalArgumentException e) {
                throw new Invalid(e.getMessage(), keys.get("catch-up").value().position());
            }
        }
        boolean enabled = true;
        if (keys.containsKey("enabled")) {
            YamlNode value = keys.get("enabled").value();
            if (!(value instanceof YamlScalar s && s.value() instanceof Boolean b)) {
                throw new Invalid("enabled must be true or false", value.position());
            }
            enabled = b;
        }
        Map<String, String> vars = new LinkedHashMap<>();
        if (keys.containsKey("vars")) {
            YamlNode value = keys.get("vars").value();
            if (!(value instanceof YamlMap varsMap)) {
                throw new Invalid("vars must be a mapping of names to values", value.position());
            }
            for (YamlMap.Entry var : varsMap.entries()) {
                if (!(var.value() instanceof YamlScalar s)) {
                    throw new Invalid("vars." + var.key() + " must be a single value", var.value().position());
                }
                vars.put(var.key(), s.value() == null ? "" : String.valueOf(s.value()));
            }
        }
        return new ImportDefinition(name, schedule, from, vars, catchUp, enabled, file, map.position().line());
    }

    private static String required(Map<String, YamlMap.Entry> keys, String key, YamlMap map) throws Invalid {
        YamlMap.Entry entry = keys.get(key);
        if (entry == null) {
            throw new Invalid("missing " + key, map.position());
        }
        String text = scalar(entry);
        if (text.isBlank()) {
            throw new Invalid(key + " is empty", entry.value().position());
        }
        return text;
    }

    private static String scalar(YamlMap.Entry entry) throws Invalid {
        if (!(entry.value() instanceof YamlScalar s) || s.value() == null) {
            throw new Invalid(entry.key() + " must be a single value", entry.value().position());
        }
        return String.valueOf(s.value()).trim();
    }

    private static SourcePosition position(YamlNode node) {
        return node.position();
    }

    private static ImportProblem at(Path file, SourcePosition position, String message) {
        SourcePosition p = position == null ? SourcePosition.UNKNOWN : position;
        return new ImportProblem(file, p.line(), p.column(), message);
    }

    private static final class Invalid extends Exception {
        private final SourcePosition position;

        Invalid(String message, SourcePosition position) {
            super(message);
            this.position = position;
        }
    }
}
