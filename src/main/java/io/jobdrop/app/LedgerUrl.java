package io.jobdrop.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ledger's JDBC URL as jobdrop shows and checks it: passwords masked and an H2 file made absolute, so "which
 * database is this?" has one answer whatever the working directory; and an H2 file's folder checked before H2 is
 * asked, which would otherwise print its own stack trace for a folder it cannot create.
 */
public final class LedgerUrl {

    static final String KEY = "jobdrop.db.url";
    private static final Pattern H2_FILE = Pattern.compile("(?i)^jdbc:h2:(?:file:)?((?!mem:|tcp:|ssl:|zip:)[^;]+)(.*)$");
    private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)(password=)[^;&]*");
    private static final Pattern USER_INFO = Pattern.compile("(//[^/:@]+:)[^/@]*@");

    private LedgerUrl() {
    }

    public static String display(String url) {
        String shown = PASSWORD_PARAM.matcher(url).replaceAll("$1***");
        shown = USER_INFO.matcher(shown).replaceAll("$1***@");
        Matcher h2 = H2_FILE.matcher(shown);
        return h2.matches() ? "jdbc:h2:file:" + h2File(h2.group(1)) + h2.group(2) : shown;
    }

    /**
     * The settings' ledger URL, once an H2 file's folder exists (created when missing) and is writable.
     *
     * @throws SettingException naming the folder and where the URL came from
     */
    public static String checked(Settings settings) {
        String url = settings.text(KEY);
        Optional<Path> folder = h2Folder(url);
        if (folder.isPresent()) {
            try {
                Files.createDirectories(folder.get());
            } catch (IOException e) {
                throw problem(settings, "cannot create the folder " + folder.get() + " (" + e.getClass().getSimpleName() + ")");
            }
            if (!Files.isWritable(folder.get())) {
                throw problem(settings, "the folder " + folder.get() + " is not writable");
            }
        }
        return url;
    }

    private static SettingException problem(Settings settings, String what) {
        return new SettingException(KEY, KEY + ": " + what + " for the H2 ledger " + display(settings.text(KEY))
                + " (from " + settings.origin(KEY) + ")");
    }

    private static Optional<Path> h2Folder(String url) {
        Matcher h2 = H2_FILE.matcher(url);
        return h2.matches() ? Optional.ofNullable(h2File(h2.group(1)).getParent()) : Optional.empty();
    }

    private static Path h2File(String file) {
        Path path = file.startsWith("~") ? Path.of(System.getProperty("user.home") + file.substring(1)) : Path.of(file);
        return path.toAbsolutePath().normalize();
    }
}
