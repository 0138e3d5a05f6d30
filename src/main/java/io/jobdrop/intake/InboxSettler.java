package io.jobdrop.intake;

import io.jobdrop.store.IntakeClaim;
import io.jobdrop.store.JobLedger;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The step after the commit: files the inbox file where its verdict sends it ({@link InboxFiler}), records in the
 * ledger where it went, and keeps the inbox's health and the file's retry pace up to date. A filing failure fails the
 * exchange, so the file stays in the inbox and is tried again after its backoff.
 */
public final class InboxSettler {

    private static final Logger LOG = LoggerFactory.getLogger("jobdrop.intake");

    private final InboxFiler filer;
    private final JobLedger ledger;
    private final RetryBackoff backoff;
    private final InboxStatus status;

    public InboxSettler(InboxFiler filer, JobLedger ledger, RetryBackoff backoff, InboxStatus status) {
        this.filer = filer;
        this.ledger = ledger;
        this.backoff = backoff;
        this.status = status;
    }

    public void settle(Exchange exchange) throws IOException {
        Path source = InboxIntake.path(exchange);
        String folder = exchange.getProperty(InboxIntake.FOLDER, String.class);
        String display = FileNames.forLog(exchange.getMessage().getHeader(Exchange.FILE_PATH, String.class));
        Optional<String> placed;
        try {
            placed = filer.file(source, folder, exchange.getProperty(InboxIntake.REPORT, String.class),
                    exchange.getProperty(InboxIntake.FILE_KEY));
        } catch (IOException e) {
            backoff.failed(source.toString());
            status.failed("cannot file " + display + " into " + folder + ": " + e.getClass().getSimpleName() + ": "
                    + FileNames.forLog(e.getMessage()));
            throw e;
        }
        backoff.succeeded(source.toString());
        status.filed();
        if (placed.isEmpty()) {
            return; // another instance filed it, and logged it
        }
        String where = placed.get();
        IntakeClaim claim = exchange.getProperty(InboxIntake.CLAIM, IntakeClaim.class);
        ledger.submitPlacement(claim, where).exceptionally(failure -> {
            LOG.warn("{}: filed as {}, but the ledger could not record it: {}", display, FileNames.forLog(where),
                    JobLedger.unwrap(failure).getMessage());
            return null;
        });
        if (exchange.getProperty(InboxIntake.ALREADY_RECORDED, false, Boolean.class)) {
            LOG.info("{}: already recorded, filed as {}", display, FileNames.forLog(where));
        } else if (!Path.of(where).getFileName().equals(source.getFileName())) {
            LOG.info("{}: filed as {} (that name was taken)", display, FileNames.forLog(where));
        }
    }
}
