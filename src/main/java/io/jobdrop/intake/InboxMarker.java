package io.jobdrop.intake;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The mark an inbox carries of the ledger that serves it: {@code <inbox>/.jobdrop-ledger}, holding the ledger's
 * identity and its URL (without credentials). Instances that share one ledger may share the inbox; a {@code run} with
 * another ledger (a second H2 file opened from another directory, say) would record and submit every job a second
 * time, nameless jobs included, so it is refused unless told to take the inbox over.
 */
public final class InboxMarker {

    public static final String FILE_NAME = ".jobdrop-ledger";
    private static final Logger LOG = LoggerFactory.getLogger("jobdrop.intake");
    private static final Pattern H2_FILE = Pattern.compile("(?i)^(jdbc:h2:(?:file:)?)([^;:][^;]*)(.*)$");

    private InboxMarker() {
    }

    /** The inbox is served by another ledger, and taking it over was not asked for. */
    public static final class ServedByAnotherLedger extends IllegalStateException {
        ServedByAnotherLedger(String message) {
            super(message);
        }
    }

    /**
     * Marks the inbox as served by this ledger, or checks that it already is.
     *
     * @throws ServedByAnotherLedger when the mark names another ledger and {@code takeOver} is false; the message
     *                               names both ledgers and how to go on
     */
    public static void claim(Path inbox, String ledgerId, String ledgerUrl, boolean takeOver) {
        String url = describe(ledgerUrl);
        try {
            Files.createDirectories(inbox);
            Path marker = inbox.resolve(FILE_NAME);
            Path written = write(inbox, ledgerId, url);
            try {
                Files.createLink(marker, written); // refuses to replace: a racing first start finds the winner's mark
                LOG.info("inbox {} is now served by ledger {} ({})", inbox.toAbsolutePath(), ledgerId, url);
                return;
            } catch (FileAlreadyExistsException existing) {
                Properties mark = read(marker);
                String servedBy = mark.getProperty("ledger", "");
                if (servedBy.equals(ledgerId)) {
                    return;
                }
                if (!takeOver) {
                    throw new ServedByAnotherLedger("inbox " + inbox.toAbsolutePath() + " is served by ledger "
                            + servedBy + " (" + mark.getProperty("url", "unknown URL") + "), not by this run's ledger "
                            + ledgerId + " (" + url + "): two ledgers on one inbox would submit every job twice."
                            + " Give this run the same --db as the others, or start it with --take-over-inbox"
                            + " (jobdrop.inbox.take-over=true) to make this ledger the inbox's from now on");
                }
                Files.move(written, marker, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                LOG.warn("inbox {} taken over: it was served by ledger {} ({}), now by ledger {} ({})",
                        inbox.toAbsolutePath(), servedBy, mark.getProperty("url", "unknown URL"), ledgerId, url);
            } finally {
                Files.deleteIfExists(written);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot mark inbox " + inbox.toAbsolutePath() + " with its ledger: "
                    + e.getMessage(), e);
        }
    }

    /** The ledger URL as people should see it: no credentials, and an H2 file as an absolute path. */
    static String describe(String url) {
        String masked = url.replaceAll("(?i)(password=)[^;&]*", "$1***")
                .replaceAll("(//)[^/@:]+:[^/@]*@", "$1***@");
        Matcher h2 = H2_FILE.matcher(masked);
        if (h2.matches() && !h2.group(2).startsWith("mem:") && !h2.group(2).startsWith("tcp:")
                && !h2.group(2).startsWith("ssl:") && !h2.group(2).startsWith("zip:")) {
            return "jdbc:h2:file:" + Path.of(h2.group(2)).toAbsolutePath().normalize() + h2.group(3);
        }
        return masked;
    }

    private static Path write(Path inbox, String ledgerId, String url) throws IOException {
        Path temporary = inbox.resolve(FILE_NAME + "." + UUID.randomUUID() + ".tmp");
        Properties mark = new Properties();
        mark.setProperty("ledger", ledgerId);
        mark.setProperty("url", url);
        try (var out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
            mark.store(out, "jobdrop: the ledger this inbox is served by; a run with another ledger refuses to start"
                    + " (see --take-over-inbox)");
        }
        return temporary;
    }

    private static Properties read(Path marker) throws IOException {
        Properties mark = new Properties();
        mark.load(new StringReader(Files.readString(marker, StandardCharsets.UTF_8)));
        return mark;
    }
}
