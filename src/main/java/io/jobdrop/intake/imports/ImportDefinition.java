package io.jobdrop.intake.imports;

import java.nio.file.Path;
import java.util.Map;

/**
 * One import as declared in a file of the imports folder. {@code from} is kept as written; what it is (a template
 * file, a folder, a URL) is decided at each fire by {@link ImportSources}, since a file may be put there later.
 */
public record ImportDefinition(String name, Schedule schedule, String from, Map<String, String> vars,
                               CatchUp catchUp, boolean enabled, Path declaredIn, int line) {

    public ImportDefinition {
        vars = Map.copyOf(vars);
    }

    /** The ledger's source of the units this import records (intake claims) and of the jobs' versions. */
    public String source() {
        return "import:" + name;
    }

    public boolean fromUrl() {
        return from.startsWith("http://") || from.startsWith("https://");
    }

    /** A file or folder, relative to the folder the import was declared in, or absolute. */
    public Path fromPath() {
        return declaredIn.getParent().resolve(from).normalize();
    }
}
