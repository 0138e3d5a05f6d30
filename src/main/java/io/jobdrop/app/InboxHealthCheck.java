package io.jobdrop.app;

import io.jobdrop.intake.InboxStatus;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import io.jobdrop.intake.InboxScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * DOWN when the inbox folder is missing or not writable, when its volume has no space left, or while recorded files
 * cannot be filed into .done/.error (the message names the cause as the file system gave it); and the inbox's
 * watchdog: while job files wait, the inbox route must be running and scanning on the instance that leads the inbox
 * (on the others its leadership policy keeps it stopped). A route that stopped there (its consumer died) is started
 * again; one that has not scanned for {@code stallAfter} is restarted, unless the ledger is down
 * (then the scan waits for the ledger, and restarting it would not help).
 */
final class InboxHealthCheck extends BoundedHealthCheck {

    private static final Logger LOG = LoggerFactory.getLogger("jobdrop.health");

    private final Path inbox;
    private final InboxStatus status;
    private final CamelContext context;
    private final String routeId;
    private final Outages outages;
    private final Duration stallAfter;
    private final InboxScheduler scheduler;
    private final BooleanSupplier leading;
    private long lastScans = -1;
    private long lastScanChangeNanos = System.nanoTime();

    InboxHealthCheck(Path inbox, InboxStatus status, CamelContext context, String routeId, Outages outages,
                     Duration stallAfter, InboxScheduler scheduler, BooleanSupplier leading) {
        super("inbox");
        this.inbox = inbox;
        this.status = status;
        this.context = context;
        this.routeId = routeId;
        this.outages = outages;
        this.stallAfter = stallAfter;
        this.scheduler = scheduler;
        this.leading = leading;
    }

    @Override
    protected Finding probe() {
        String where = inbox.toAbsolutePath().toString();
        if (!Files.isDirectory(inbox) || !Files.isWritable(inbox)) {
            return Finding.down("inbox " + where + " is missing or not writable").with("inbox", where);
        }
        Optional<String> filing = status.problem();
        if (filing.isPresent()) {
            return Finding.down(filing.get()).with("inbox", where);
        }
        if (volumeFull()) {
            return Finding.down("the inbox volume of " + where + " is full: rejected files cannot get their reports"
                    + " until space is freed").with("inbox", where);
        }
        Route route = context.getRoute(routeId);
        if (route == null || context.isStopping() || context.isStopped() || !filesWaiting()) {
            lastScanChangeNanos = System.nanoTime();
            return Finding.up().with("inbox", where);
        }
        if (!leading.getAsBoolean()) { // another instance scans the inbox; here the route is stopped (jobdrop.cluster)
            lastScanChangeNanos = System.nanoTime();
            return Finding.up().with("inbox", where).with("scanning", false);
        }
        ServiceStatus status = context.getRouteController().getRouteStatus(routeId);
        if (status == ServiceStatus.Stopped) {
            restart("stopped while files wait");
            return Finding.down("inbox route " + routeId + " was stopped while files wait; started it again")
                    .with("inbox", where);
        }
        long scans = scheduler.scans();
        if (scans != lastScans) {
            lastScans = scans;
            lastScanChangeNanos = System.nanoTime();
        }
        Duration idle = Duration.ofNanos(System.nanoTime() - lastScanChangeNanos);
        if (idle.compareTo(stallAfter) > 0) {
            if (!outages.isOpen(Outages.LEDGER)) {
                restart("not scanning for " + idle.toSeconds() + " s while files wait");
                lastScanChangeNanos = System.nanoTime();
            }
            return Finding.down("inbox not scanned for " + idle.toSeconds() + " s while files wait")
                    .with("inbox", where);
        }
        return Finding.up().with("inbox", where).with("scanning", true);
    }

    private void restart(String why) {
        LOG.warn("inbox route {} {}: restarting it", routeId, why);
        try {
            if (context.getRouteController().getRouteStatus(routeId) != ServiceStatus.Stopped) {
                context.getRouteController().stopRoute(routeId, 10, TimeUnit.SECONDS);
            }
            context.getRouteController().startRoute(routeId);
        } catch (Exception e) {
            LOG.warn("inbox route {} could not be restarted: {}", routeId, Outages.describe(e));
        }
    }

    private boolean volumeFull() {
        try {
            return Files.getFileStore(inbox).getUsableSpace() == 0;
        } catch (IOException e) {
            return false; // the space is unknown; the folder itself is fine
        }
    }

    /** A job file (the names the inbox takes) is in the inbox. */
    private boolean filesWaiting() {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(inbox, entry -> isJobFile(entry.getFileName().toString()))) {
            return files.iterator().hasNext();
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean isJobFile(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return !lower.startsWith(".") && (lower.endsWith(".yaml") || lower.endsWith(".yml") || lower.endsWith(".json"));
    }
}
