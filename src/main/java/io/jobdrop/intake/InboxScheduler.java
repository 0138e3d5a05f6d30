package io.jobdrop.intake;

import org.apache.camel.CamelContext;
import org.apache.camel.Consumer;
import org.apache.camel.spi.ScheduledPollConsumerScheduler;
import org.apache.camel.support.ScheduledBatchPollingConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * When the inbox is scanned: at once when {@link #wake()} is called (the {@link InboxWatch} saw a file land), and
 * otherwise every {@code every}, the fallback for file systems that report no events (NFS and other shared volumes do
 * not report other machines' writes). Plugged into the file consumer as its {@code scheduler}, so the scan itself stays
 * camel-file's (filter, sorter, max-per-poll, backoff). Wake-ups that arrive during a scan make exactly one more scan.
 * Before each scan it chooses the files the scan takes ({@link ScanSelection}) and sets their number.
 *
 * <p>Not a {@code ServiceSupport}: the consumer shuts its scheduler down when it stops, and this one must start again
 * when the consumer does (a restart by the inbox watchdog, leadership coming back).
 */
public final class InboxScheduler implements ScheduledPollConsumerScheduler {

    private static final Logger LOG = LoggerFactory.getLogger(InboxScheduler.class);

    private final Duration every;
    private final ScanSelection selection;
    private volatile ScheduledBatchPollingConsumer batchConsumer;
    private final Semaphore wakeUps = new Semaphore(0);
    private final AtomicLong scans = new AtomicLong();
    private final AtomicLong woken = new AtomicLong();
    private volatile long lastScanStartMillis;
    private volatile Runnable task;
    private volatile Thread thread;
    private CamelContext context;

    public InboxScheduler(Duration every, ScanSelection selection) {
        this.every = every;
        this.selection = selection;
    }

    /** Scan now (or right after the scan that is running), instead of at the next tick. */
    public void wake() {
        if (wakeUps.availablePermits() == 0) {
            wakeUps.release();
        }
    }

    /** Scans begun since jobdrop started (the inbox watchdog checks that this moves while files wait). */
    public long scans() {
        return scans.get();
    }

    /** Scans begun because a file landed, not because the fallback interval passed. */
    public long wokenScans() {
        return woken.get();
    }

    /** When the latest scan began, in epoch milliseconds; 0 before the first. */
    public long lastScanStartMillis() {
        return lastScanStartMillis;
    }

    public Duration every() {
        return every;
    }

    @Override
    public void onInit(Consumer consumer) {
        // the task handed to scheduleTask is the consumer's poll; the consumer is kept to size each scan
        batchConsumer = consumer instanceof ScheduledBatchPollingConsumer batch ? batch : null;
    }

    @Override
    public void scheduleTask(Runnable task) {
        this.task = task;
    }

    @Override
    public void unscheduleTask() {
        this.task = null;
    }

    @Override
    public synchronized void startScheduler() {
        if (thread != null) {
            return;
        }
        wakeUps.drainPermits();
        Thread scanner = new Thread(this::scanUntilStopped, "jobdrop-inbox-scan");
        scanner.setDaemon(true);
        thread = scanner;
        scanner.start();
    }

    @Override
    public boolean isSchedulerStarted() {
        return thread != null;
    }

    @Override
    public void start() {
        // the scans begin with startScheduler(), once the consumer is ready
    }

    @Override
    public synchronized void stop() {
        Thread scanner = thread;
        thread = null;
        if (scanner != null) {
            scanner.interrupt();
        }
    }

    @Override
    public void shutdown() {
        stop();
    }

    private void scanUntilStopped() {
        Thread me = Thread.currentThread();
        boolean wokenUp = false;
        while (thread == me) {
            Runnable poll = task;
            if (poll != null) {
                scans.incrementAndGet();
                if (wokenUp) {
                    woken.incrementAndGet();
                }
                lastScanStartMillis = System.currentTimeMillis();
                int size = selection.prepare();
                ScheduledBatchPollingConsumer consumer = batchConsumer;
                if (consumer != null) {
                    consumer.setMaxMessagesPerPoll(size);
                }
                try {
                    poll.run();
                } catch (RuntimeException e) { // the consumer reports its own errors; the scans must go on
                    LOG.warn("inbox scan failed", e);
                }
            }
            try {
                wokenUp = wakeUps.tryAcquire(every.toMillis(), TimeUnit.MILLISECONDS);
                wakeUps.drainPermits();
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void setCamelContext(CamelContext camelContext) {
        this.context = camelContext;
    }

    @Override
    public CamelContext getCamelContext() {
        return context;
    }
}
