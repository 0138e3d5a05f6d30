package io.jobdrop.ingest;

import io.jobdrop.store.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** jobdrop.job-ids = time-ordered: v4-shaped UUIDs that sort in the order they were made. */
class TimeOrderedUuidsTest {

    private static final Instant NOW = Instant.parse("2026-12-07T05:00:00.123456Z");
    private final MutableClock clock = new MutableClock(NOW);

    @Test
    void the_first_32_bits_count_microseconds_and_the_rest_is_the_random_uuid() {
        UUID random = UUID.fromString("5e2c0f7a-1b2c-4d3e-8f90-a1b2c3d4e5f6");
        UUID uuid = new TimeOrderedUuids(clock, () -> random).get();
        long micros = NOW.getEpochSecond() * 1_000_000L + 123_456;
        assertThat(uuid.getMostSignificantBits() >>> 32).isEqualTo(micros & 0xFFFF_FFFFL);
        assertThat(uuid.toString()).endsWith("-1b2c-4d3e-8f90-a1b2c3d4e5f6")
                .startsWith(String.format("%08x", micros & 0xFFFF_FFFFL));
        assertThat(uuid.version()).isEqualTo(4);
        assertThat(uuid.variant()).isEqualTo(2);
    }

    @Test
    void ids_sort_in_the_order_they_were_made_even_when_the_clock_stands_still_or_steps_back() {
        TimeOrderedUuids uuids = new TimeOrderedUuids(clock, UUID::randomUUID);
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            made.add(uuids.get().toString());
            if (i == 500) {
                clock.advance(Duration.ofSeconds(-5));
            } else if (i % 100 == 0) {
                clock.advance(Duration.ofMillis(3));
            }
        }
        assertThat(made).isSorted().doesNotHaveDuplicates();
        Set<String> shortIds = new HashSet<>();
        made.forEach(id -> shortIds.add(id.substring(0, 8)));
        assertThat(shortIds).hasSize(made.size());
    }

    @Test
    void threads_side_by_side_never_get_the_same_id_or_short_id() throws Exception {
        TimeOrderedUuids uuids = new TimeOrderedUuids(clock, UUID::randomUUID);
        Set<String> shortIds = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 5_000; i++) {
                        assertThat(shortIds.add(uuids.get().toString().substring(0, 8))).isTrue();
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(shortIds).hasSize(20_000);
    }

    @Test
    void random_ids_are_bacalhaus_own_version_4_uuids() {
        UUID uuid = JobIds.RANDOM.uuids(clock).get();
        assertThat(uuid.version()).isEqualTo(4);
        assertThat(uuid.toString()).doesNotStartWith(String.format("%08x",
                (NOW.getEpochSecond() * 1_000_000L + 123_456) & 0xFFFF_FFFFL));
    }
}
