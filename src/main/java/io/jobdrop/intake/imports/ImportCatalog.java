package io.jobdrop.intake.imports;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The imports this instance serves, as read at start from the imports folder, and the problems found there. */
public final class ImportCatalog {

    /** The most missed fires {@code catch-up: all} runs at start (the newest ones). */
    public static final int CATCH_UP_BOUND = 100;

    private final Path folder;
    private final Map<String, ImportDefinition> imports = new LinkedHashMap<>();
    private final List<ImportProblem> problems;

    private ImportCatalog(Path folder, List<ImportDefinition> imports, List<ImportProblem> problems) {
        this.folder = folder;
        imports.forEach(definition -> this.imports.put(definition.name(), definition));
        this.problems = List.copyOf(problems);
    }

    /**
     * The imports of {@code folder}. A folder that does not exist has none when {@code required} is false (the
     * default folder, which most installations never create).
     *
     * @throws IllegalArgumentException when a required folder does not exist
     */
    public static ImportCatalog load(Path folder, boolean required) {
        if (!Files.isDirectory(folder)) {
            if (required) {
                throw new IllegalArgumentException(folder + " is not a folder");
            }
            return new ImportCatalog(folder, List.of(), List.of());
        }
        ImportFiles.Loaded loaded = ImportFiles.load(folder);
        return new ImportCatalog(folder, loaded.imports(), loaded.problems());
    }

    public Path folder() {
        return folder;
    }

    /** Every import declared, the disabled ones included. */
    public List<ImportDefinition> all() {
        return List.copyOf(imports.values());
    }

    public List<ImportDefinition> enabled() {
        return imports.values().stream().filter(ImportDefinition::enabled).toList();
    }

    public Optional<ImportDefinition> find(String name) {
        return Optional.ofNullable(imports.get(name));
    }

    public List<ImportProblem> problems() {
        return problems;
    }
}
