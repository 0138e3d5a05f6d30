package io.jobdrop.cluster;

import java.time.Duration;

import static org.awaitility.Awaitility.await;

/** Tests' way to have another instance take the lead from one that keeps renewing it. */
public final class LeaseHandOver {

    private LeaseHandOver() {
    }

    /**
     * Gives the lease up for {@code from} and takes it for {@code to}, for an hour. A renewal by {@code from} between
     * the two would take the free lease back, so the hand-over is tried again until it holds.
     */
    public static void handOver(LeaseTable table, String namespace, String from, String to) {
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            table.giveUp(namespace, from);
            return table.take(namespace, to, Duration.ofHours(1)).mine();
        });
    }
}
