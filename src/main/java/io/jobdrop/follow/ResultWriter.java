package io.jobdrop.follow;

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

/**
 * Writes {@code <file>.result.json} beside an inbox file once every job in it has ended: to a hidden temporary name
 * first, then moved in without replacing anything. A result already there (another instance wrote it, or this one
 * before a crash) counts as written. The ledger records it written, so it is written once.
 */
public final class ResultWriter {

    private static final Logger LOG = LoggerFactory.getLogger("jobdrop.follow");
    private static final int BATCH = 100;

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

    /** @return how many results were put in place this round */
    public int writeDue() {
        int written = 0;
        for (UnitResult result : ledger.dueResults(BATCH)) {
            if (result.placedAs() != null) {
                Path target = inbox.resolve(result.placedAs() + ".result.json");
                if (write(target, result.json())) {
                    written++;
                    LOG.atInfo().addKeyValue("file", result.name()).log("{}: every job ended; result in {}",
                            result.name(), inbox.relativize(target));
                }
            } else {
                BucketResults to = buckets;
                java.util.Optional<String> key = to == null ? java.util.Optional.empty() : to.keyOf(result);
                if (key.isEmpty()) {
                    // its bucket is no longer configured: the result stays in the ledger (/api/v1/files) only
                    LOG.warn("{}: every job ended, but {} is not an intake bucket any more; the result is in the "
                            + "ledger only", result.name(), result.source());
                } else if (to.write(result, key.get())) {
                    written++;
                    LOG.atInfo().addKeyValue("file", result.name()).log("{}: every job ended; result in {}",
                            result.name(), to.display(result, key.get()));
                }
            }
            ledger.resultWritten(result);
        }
        return written;
    }

    /** @return false when a result was already in place */
    static boolean write(Path target, String json) {
        // hidden, and unique per writer: two instances never write into the same temporary file
        Path temp = target.resolveSibling("." + target.getFileName() + "." + java.util.UUID.randomUUID() + ".part");
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
