package io.jobdrop.store;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.db.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Slows the growth of an embedded H2 ledger's file while jobdrop runs. With {@code WRITE_DELAY=0} (commits durable at
 * once) H2 runs none of its background housekeeping, and each commit writes a chunk of its own. Most pages of a chunk
 * are replaced by later commits, but a few stay live, so hardly any chunk is ever wholly free and its space reused: at
 * a steady 50 files/s the file grew by 7.3 MB a second, linearly (1.8 GB after four minutes, bench/). This does part
 * of what H2's housekeeping would: every {@code interval} it has H2 rewrite the live pages of chunks that are less
 * than half live ({@link MVStore#compact}, under H2's store lock, as H2's own background thread calls it beside
 * committing threads); those chunks are then free, and their space is reused once H2's retention time (45 s) has
 * passed. In the same run the file was 960 MB after four minutes instead of 1.8 GB, growing 1.2-1.4 MB a second at
 * the end instead of 7.3 (its live data was 38 MB). It does not shrink the file; {@link LedgerCompaction} does, at the
 * next start.
 */
public final class LedgerHousekeeping implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("jobdrop.ledger");
    /** Chunks less live than this (percent) have their live pages rewritten. */
    private static final int TARGET_FILL_RATE = 50;
    /** At most this much is rewritten a round. */
    private static final int WRITE_LIMIT = 16 << 20;

    private final ScheduledExecutorService timer;

    private LedgerHousekeeping(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    /**
     * Starts housekeeping of the H2 ledger this pool serves from this process; does nothing for PostgreSQL, for an H2
     * ledger another process serves (AUTO_SERVER), or when {@code interval} is zero.
     */
    public static LedgerHousekeeping start(DataSource ledger, Duration interval) {
        MVStore store = interval.isZero() ? null : storeOf(ledger);
        if (store == null) {
            return new LedgerHousekeeping(null);
        }
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "jobdrop-ledger-housekeeping");
            t.setDaemon(true);
            return t;
        });
        long ms = interval.toMillis();
        timer.scheduleWithFixedDelay(() -> rewriteSparseChunks(store), ms, ms, TimeUnit.MILLISECONDS);
        return new LedgerHousekeeping(timer);
    }

    /** Whether rounds run (an H2 ledger this process serves). */
    public boolean running() {
        return timer != null;
    }

    /** One round now, on the H2 ledger this pool serves from this process (tests). */
    static void round(DataSource ledger) {
        MVStore store = storeOf(ledger);
        if (store != null) {
            rewriteSparseChunks(store);
        }
    }

    private static void rewriteSparseChunks(MVStore store) {
        try {
            if (!store.isClosed()) {
                store.compact(TARGET_FILL_RATE, WRITE_LIMIT);
            }
        } catch (RuntimeException e) {
            // a full disk or a closing database: the next round tries again, the ledger itself is not at stake
            LOG.debug("ledger housekeeping round failed: {}", e.toString());
        }
    }

    private static MVStore storeOf(DataSource ledger) {
        try (Connection c = ledger.getConnection()) {
            if (!c.isWrapperFor(JdbcConnection.class)
                    || !(c.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)) {
                return null;
            }
            Store store = session.getDatabase().getStore();
            MVStore mv = store == null ? null : store.getMvStore();
            return mv != null && mv.isPersistent() && !mv.isReadOnly() ? mv : null;
        } catch (SQLException e) {
            return null;
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (timer != null) {
            timer.shutdownNow();
            timer.awaitTermination(10, TimeUnit.SECONDS);
        }
    }
}
