package io.jobdrop.follow;

import io.jobdrop.intake.FileNames;
import io.jobdrop.store.JobLedger;
import io.jobdrop.store.UnitResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Writes {@code <file>.result.json} beside an inbox file once every job in it has ended (fitted to 255 bytes like the
 * {@code .error.json} reports, see {@link FileNames#withSuffix}): to a short hidden temporary name first, then moved
 * in without replacing anything. A result already there (another instance wrote it, or this one before a crash) counts
 * as written. The ledger records it written, so it is written once.
 */
public final class ResultWriter {

    private static final Logger LOG = LoggerFactory.getLogger("jobdrop.follow");
    private static final int BATCH = 100;
    private static final String SUFFIX = ".result.json";

    private final JobLedger ledger;
    private final Path inbox;
    private volatile BucketResults buckets;

    public ResultWriter(JobLedger ledger, Path inbox) {
        this.ledger = ledger;
        this.inbox = inbox;
    }

    /** Where the results of bucket objects go (set when buckets are configured). */
    public void buckets(BucketResults bucketResults) {
        this.buckets = bucketResults;
    }

    /**
     * Each due result is put in place on its own: one that cannot be written (its folder is gone, the disk refuses it)
     * is logged once and left in the ledger only ({@code /api/v1/files}), so it never holds up the others.
     *
     * @return how many results were put in place this round
     */
    public int writeDue() {
        int written = 0;
        List<UnitResult> settled = new ArrayList<>();
        for (UnitResult result : ledger.dueResults(BATCH)) {
            try {
                if (writeOne(result)) {
                    written++;
                }
            } catch (RuntimeException e) {
                LOG.atWarn().addKeyValue("file", result.name()).log("{}: every job ended, but its result cannot be "
                        + "written ({}); the result is in the ledger only", FileNames.forLog(result.name()),
                        e.getMessage());
            }
            settled.add(result);
        }
        // one commit for the round: a crash before it writes these again, and a result already there counts as written
        ledger.resultsWritten(settled);
        return written;
    }

    private boolean writeOne(UnitResult result) {
        if (result.placedAs() != null) {
            Path placed = inbox.resolve(result.placedAs());
            Path target = placed.resolveSibling(FileNames.withSuffix(placed.getFileName().toString(), SUFFIX));
            if (!write(target, result.json())) {
                return false;
            }
            LOG.atInfo().addKeyValue("file", result.name()).log("{}: every job ended; result in {}",
                    FileNames.forLog(result.name()), FileNames.forLog(inbox.relativize(target).toString()));
            return true;
        }
        BucketResults to = buckets;
        Optional<String> key = to == null ? Optional.empty() : to.keyOf(result);
        if (key.isEmpty()) {
            // its bucket is no longer configured: the result stays in the ledger (/api/v1/files) only
            LOG.warn("{}: every job ended, but {} is not an intake bucket any more; the result is in the ledger only",
                    result.name(), result.source());
            return false;
        }
        if (result.superseded()) {
            LOG.atInfo().addKeyValue("file", result.name()).log("{}: every job ended; a newer version of the object"
                    + " was taken since, so its result, not this one, goes to {}", result.name(),
                    to.display(result, key.get()));
            return false;
        }
        to.write(result, key.get());
        LOG.atInfo().addKeyValue("file", result.name()).log("{}: every job ended; result in {}", result.name(),
                to.display(result, key.get()));
        return true;
    }

    /** @return false when a result was already in place */
    static boolean write(Path target, String json) {
        // hidden, short (the target's name may take all 255 bytes) and unique per writer: two instances never write
        // into the same temporary file
        Path temp = target.resolveSibling(".result." + UUID.randomUUID() + ".part");
        try {
            if (Files.exists(target)) {
                return false;
            }
            Files.writeString(temp, json, StandardCharsets.UTF_8);
            try {
                Files.move(temp, target);
                return true;
            } catch (FileAlreadyExistsException taken) {
                return false;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // a stray hidden .part file is skipped by intake and overwritten next time
            }
        }
    }
}
