package io.jobdrop.intake.imports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * An import from a file (a job file or template, rendered at each fire) or from a folder (every job file directly in
 * it, each its own unit). Both are only read: nothing there is moved, renamed or written.
 */
final class FileSources {

    private final long maxBytes;

    FileSources(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    SourceRead read(ImportDefinition definition, Instant fireTime) throws SourceUnreachable {
        Path from = definition.fromPath();
        String fire = Fires.label(definition, fireTime);
        if (Files.isDirectory(from)) {
            List<ImportUnit> units = new ArrayList<>();
            for (Path file : jobFiles(from)) {
                String relative = from.relativize(file).toString();
                units.add(unit(Fires.key(fireTime) + " " + relative, fire + ":" + relative, file));
            }
            return new SourceRead(units, 0, List.of());
        }
        return new SourceRead(List.of(unit(Fires.key(fireTime), fire, from)), 0, List.of());
    }

    private static List<Path> jobFiles(Path folder) throws SourceUnreachable {
        try (Stream<Path> listing = Files.list(folder)) {
            return listing.filter(Files::isRegularFile).filter(FileSources::isJobFile).sorted().toList();
        } catch (IOException e) {
            throw new SourceUnreachable("cannot list " + folder + ": " + e.getMessage(), e);
        }
    }

    private static boolean isJobFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return !name.startsWith(".") && (name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json"));
    }

    private ImportUnit unit(String key, String name, Path file) throws SourceUnreachable {
        try {
            long size = Files.size(file);
            if (size > maxBytes) {
                return ImportUnit.tooLarge(key, name, size);
            }
            return ImportUnit.of(key, name, Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new SourceUnreachable(file + " does not exist", e);
        } catch (IOException e) {
            throw new SourceUnreachable("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
