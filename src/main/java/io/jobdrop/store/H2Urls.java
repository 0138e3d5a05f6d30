package io.jobdrop.store;

import java.util.Locale;

/**
 * H2 URL handling for embedded file databases: opened in AUTO_SERVER mode so a second process can join, with
 * WRITE_DELAY=0 so every commit reaches the file before jobdrop moves the job file out of the inbox, with job
 * documents stored in their rows rather than as separate LOBs, and with 16 KB pages.
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
     * The URL of an embedded file database opened by this process alone, only if it exists, and closed without the
     * part-compaction H2 does at every close: AUTO_SERVER is turned off (through it, a statement could reach the
     * database of another process that serves the file), IFEXISTS=TRUE and MAX_COMPACT_TIME=0 are added. Its other
     * settings stay as given.
     */
    static String exclusive(String url) {
        String withoutAutoServer = url.replaceAll("(?i);\\s*AUTO_SERVER\\s*=[^;]*", "");
        return withSetting(withSetting(withSetting(withoutAutoServer, "AUTO_SERVER", "FALSE"), "IFEXISTS", "TRUE"),
                "MAX_COMPACT_TIME", "0");
    }

    /**
     * Adds {@code ;WRITE_DELAY=0} to an embedded file URL that does not set it. H2 otherwise writes commits to the
     * file up to half a second later: a killed process would lose jobs whose files had already been moved to .done.
     */
    static String withDurableCommits(String url) {
        return withSetting(url, "WRITE_DELAY", "0");
    }

    /**
     * Adds {@code ;MAX_LENGTH_INPLACE_LOB=131072} to an embedded file URL that does not set it: job documents (CLOB
     * columns, typically 1-2 KB) up to 128 KB are kept in their rows. H2's default of 256 bytes stored each as a
     * separate LOB, which made recording a job about a fifth slower (bench/). Larger documents still become LOBs.
     */
    static String withInlineDocuments(String url) {
        return withSetting(url, "MAX_LENGTH_INPLACE_LOB", "131072");
    }

    /**
     * Adds {@code ;QUERY_CACHE_SIZE=64} to an embedded file URL that does not set it. H2 keeps the 8 latest parsed
     * statements per session by default; one job passes about twenty different ones through the ledger's writer, so
     * each was parsed again every time (6% of a burst's CPU, bench/).
     */
    static String withStatementCache(String url) {
        return withSetting(url, "QUERY_CACHE_SIZE", "64");
    }

    /**
     * Adds {@code ;PAGE_SIZE=16384} to an embedded file URL that does not set it: H2 splits its B-tree pages at 16 KB
     * instead of 4 KB. Each commit writes every page it changed and the path above it to the file; with larger pages a
     * job's rows and index entries share fewer, shallower paths. Burst of 5,000, interleaved: 1.84 and 1.70 ms CPU per
     * job against 2.01 and 1.80, buckets 307 and 309 objects/s against 293 and 283; 32 KB and 64 KB did no better
     * (bench/). It is where pages split, not a file format: an existing ledger opens with it as it is.
     */
    static String withLargerPages(String url) {
        return withSetting(url, "PAGE_SIZE", "16384");
    }

    /**
     * Adds {@code ;MAX_COMPACT_TIME=0} to an embedded file URL that does not set it. H2 otherwise spends up to 200 ms
     * of every close moving chunks of a file with dead space to its end, and that needs free space: on a volume with
     * little left, closing a wasteful ledger (as the password check at start does) filled the volume and left the
     * database unable to open. jobdrop compacts at start instead, and only when the volume has room
     * ({@link LedgerCompaction}).
     */
    static String withoutCompactionAtClose(String url) {
        return withSetting(url, "MAX_COMPACT_TIME", "0");
    }

    private static String withSetting(String url, String name, String value) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (!isEmbeddedFile(lower) || lower.replace(" ", "").contains(";" + name.toLowerCase(Locale.ROOT) + "=")) {
            return url;
        }
        return url + ";" + name + "=" + value;
    }

    private static boolean isEmbeddedFile(String lowerUrl) {
        if (!lowerUrl.startsWith(PREFIX)) {
            return false;
        }
        String rest = lowerUrl.substring(PREFIX.length());
        return !(rest.startsWith("mem:") || rest.startsWith("tcp:") || rest.startsWith("ssl:") || rest.startsWith("zip:"));
    }

    /**
     * The database path of an embedded file URL ({@code jdbc:h2:file:./data/jobdrop;...} -> {@code ./data/jobdrop}),
     * or null for in-memory and remote URLs.
     */
    static java.nio.file.Path databasePath(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (!isEmbeddedFile(lower)) {
            return null;
        }
        String rest = url.substring(PREFIX.length());
        if (rest.toLowerCase(Locale.ROOT).startsWith("file:")) {
            rest = rest.substring("file:".length());
        }
        int settings = rest.indexOf(';');
        String path = (settings < 0 ? rest : rest.substring(0, settings)).strip();
        if (path.startsWith("~")) {
            path = System.getProperty("user.home") + path.substring(1);
        }
        return java.nio.file.Path.of(path);
    }

    static boolean isH2(String url) {
        return url.toLowerCase(Locale.ROOT).startsWith(PREFIX);
    }
}
