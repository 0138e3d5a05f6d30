package io.jobdrop.intake;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.LinkOption;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import java.util.UUID;

/**
 * Files a recorded inbox file into {@code .done/} or {@code .error/} without ever replacing anything there: the file is
 * hard-linked under a free name (the link fails rather than replace, so two instances, or the same name dropped twice,
 * can never overwrite each other's files) and then unlinked from the inbox. A taken name gets a numbered suffix.
 *
 * <p>Several instances may try to file the same inbox file at once (each recorded it, or found it recorded). Exactly one
 * link succeeds: a later one finds the source gone, or finds the name it tries already linked to the very same file,
 * and leaves it alone; the instance that filed it logs it.
 *
 * <p>A rejected file's report is written first, under a hidden temporary name, and renamed beside the file once the
 * file is filed, so a full disk leaves the file in the inbox (to be tried again) instead of a truncated report.
 */
public final class InboxFiler {

    /** Enough tries for any real pile of same-named files; beyond it something is wrong with the folder. */
    private static final int MAX_SUFFIX = 100_000;

    private final Path inbox;

    public InboxFiler(Path inbox) {
        this.inbox = inbox.toAbsolutePath().normalize();
    }

    /**
     * @param folder {@code .done} or {@code .error}
     * @param report the report to write beside the file (for {@code .error}), or null
     * @return the name the file was filed under, relative to the inbox ({@code .done/x.1.yaml}); empty when another
     * instance filed it (or it vanished) first
     * @throws IOException when the folder cannot take the file or its report (a full disk, permissions): the file
     *                     stays in the inbox
     */
    public Optional<String> file(Path source, String folder, String report) throws IOException {
        return file(source, folder, report, null);
    }

    /**
     * {@link #file(Path, String, String)} for the file that was read and recorded: {@code expectedKey} is its
     * {@link java.nio.file.attribute.BasicFileAttributes#fileKey() file key}. Should another instance have filed that
     * file meanwhile and a new file of the same name have arrived, the new one is not this record's to file: it is
     * left in the inbox for its own intake.
     */
    public Optional<String> file(Path source, String folder, String report, Object expectedKey) throws IOException {
        Path dir = Files.createDirectories(inbox.resolve(folder));
        Path pendingReport = report == null ? null : writeHidden(dir, report);
        try {
            Optional<Path> placed = place(source, dir, expectedKey);
            if (placed.isPresent() && pendingReport != null) {
                Files.move(pendingReport, dir.resolve(FileNames.report(placed.get().getFileName().toString())),
                        StandardCopyOption.ATOMIC_MOVE);
                pendingReport = null;
            }
            return placed.map(p -> inbox.relativize(p).toString());
        } finally {
            if (pendingReport != null) {
                Files.deleteIfExists(pendingReport);
            }
        }
    }

    private Optional<Path> place(Path source, Path dir, Object expectedKey) throws IOException {
        String name = source.getFileName().toString();
        for (int n = 0; n < MAX_SUFFIX; n++) {
            Path target = dir.resolve(FileNames.numbered(name, n));
            try {
                if (!link(source, target, expectedKey)) {
                    return Optional.empty();
                }
                deleteIfStill(source, expectedKey);
                return Optional.of(target);
            } catch (FileAlreadyExistsException taken) {
                if (sameFile(source, target)) {
                    // filed already, by another instance right now or by one that died before unlinking it
                    deleteIfStill(source, expectedKey);
                    return Optional.empty();
                }
            } catch (NoSuchFileException gone) {
                return Optional.empty(); // another instance filed it first
            }
        }
        throw new IOException("cannot file " + FileNames.forLog(name) + ": " + MAX_SUFFIX
                + " files of that name are already in " + dir);
    }

    /**
     * A hard link, which fails instead of replacing. Where links are refused (file systems without them, or a file of
     * another user under fs.protected_hardlinks) a rename that refuses an existing target does instead.
     *
     * @return false when the name no longer holds the expected file
     */
    private static boolean link(Path source, Path target, Object expectedKey) throws IOException {
        if (!holds(source, expectedKey)) {
            return false;
        }
        try {
            Files.createLink(target, source);
        } catch (FileAlreadyExistsException | NoSuchFileException e) {
            throw e;
        } catch (UnsupportedOperationException | FileSystemException e) {
            if (e instanceof FileSystemException fs && !linkRefused(fs)) {
                throw fs;
            }
            Files.move(source, target); // without REPLACE_EXISTING: an existing target is refused
            return true;
        }
        if (!holds(target, expectedKey)) {
            Files.delete(target); // the name was given to another file between the check and the link
            return false;
        }
        return true;
    }

    private static boolean holds(Path path, Object expectedKey) throws IOException {
        return expectedKey == null || expectedKey.equals(
                Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey());
    }

    private static void deleteIfStill(Path source, Object expectedKey) throws IOException {
        try {
            if (holds(source, expectedKey)) {
                Files.deleteIfExists(source);
            }
        } catch (NoSuchFileException gone) {
            // unlinked by the other instance that filed it at the same moment
        }
    }

    private static boolean linkRefused(FileSystemException e) {
        String reason = String.valueOf(e.getReason());
        return reason.contains("Operation not permitted") || reason.contains("not supported")
                || reason.contains("Invalid cross-device link") || reason.contains("Too many links");
    }

    private static boolean sameFile(Path source, Path target) throws IOException {
        try {
            return Files.isSameFile(source, target);
        } catch (NoSuchFileException gone) {
            return !Files.exists(source, LinkOption.NOFOLLOW_LINKS);
        }
    }

    private static Path writeHidden(Path dir, String content) throws IOException {
        Path temporary = dir.resolve("." + UUID.randomUUID() + ".tmp");
        try {
            Files.writeString(temporary, content, StandardCharsets.UTF_8);
            return temporary;
        } catch (IOException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
    }
}
