package io.jobdrop.bench;

import java.time.Instant;

/**
 * Wall-clock time in microseconds since the epoch. The harness and the stand-in are separate processes on one machine,
 * so latencies are differences of this clock taken in two JVMs; a monotonic clock would not be comparable across them.
 */
final class EpochMicros {

    private EpochMicros() {
    }

    static long now() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }
}
