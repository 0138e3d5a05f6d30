package io.jobdrop.store;

import java.util.Locale;

/** H2 URL handling: embedded file databases are opened in AUTO_SERVER mode so a second process can join. */
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
        if (!lower.startsWith(PREFIX)) {
            return url;
        }
        String rest = lower.substring(PREFIX.length());
        boolean notEmbeddedFile = rest.startsWith("mem:") || rest.startsWith("tcp:") || rest.startsWith("ssl:")
                || rest.startsWith("zip:");
        String settings = lower.replace(" ", "");
        if (notEmbeddedFile || settings.contains(";auto_server=") || settings.contains(";db_close_on_exit=false")) {
            return url;
        }
        return url + ";AUTO_SERVER=TRUE";
    }

    static boolean isH2(String url) {
        return url.toLowerCase(Locale.ROOT).startsWith(PREFIX);
    }
}
