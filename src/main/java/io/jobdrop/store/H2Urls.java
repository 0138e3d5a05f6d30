package io.jobdrop.store;

import java.util.Locale;

/**
 * H2 URL handling for embedded file databases: opened in AUTO_SERVER mode so a second process can join, and with
 * WRITE_DELAY=0 so every commit reaches the file before jobdrop moves the job file out of the inbox.
 */
final class H2Urls {

    private static final String PREFIX = "jdbc:h2:";

    private H2Urls() {
    }

    /**
     * Adds {@code ;AUTO_SERVER=TRUE} to an embedded file URL, so {@code jobdrop jobs/show/replay} can open the
     * database while {@code jobdrop run} holds it: the first process serves it, the others connect through it.
     * In-memory and remote URLs, URLs that already say AUTO_SERVER, and those with DB_CLOSE_ON_EXIT=FALSE (which H2
     * refuses to combine with it) are returned as given.
     */
    static String withAutoServer(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (!isEmbeddedFile(lower)) {
            return url;
        }
        String settings = lower.replace(" ", "");
        if (settings.contains(";auto_server=") || settings.contains(";db_close_on_exit=false")) {
            return url;
        }
        return url + ";AUTO_SERVER=TRUE";
    }

    /**
     * Adds {@code ;WRITE_DELAY=0} to an embedded file URL that does not set it. H2 otherwise writes commits to the
     * file up to half a second later: a killed process would lose jobs whose files had already been moved to .done.
     */
    static String withDurableCommits(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (!isEmbeddedFile(lower) || lower.replace(" ", "").contains(";write_delay=")) {
            return url;
        }
        return url + ";WRITE_DELAY=0";
    }

    private static boolean isEmbeddedFile(String lowerUrl) {
        if (!lowerUrl.startsWith(PREFIX)) {
            return false;
        }
        String rest = lowerUrl.substring(PREFIX.length());
        return !(rest.startsWith("mem:") || rest.startsWith("tcp:") || rest.startsWith("ssl:") || rest.startsWith("zip:"));
    }

    static boolean isH2(String url) {
        return url.toLowerCase(Locale.ROOT).startsWith(PREFIX);
    }
}
