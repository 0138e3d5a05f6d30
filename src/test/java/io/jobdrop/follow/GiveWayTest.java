package io.jobdrop.follow;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Following skips its rounds while the ledger's writers have a backlog, but never for longer than allowed. */
class GiveWayTest {

    private static final Instant T0 = Instant.parse("2026-12-07T12:00:00Z");

    private final AtomicInteger waiting = new AtomicInteger();
    private final GiveWay giveWay = new GiveWay(waiting::get, 256, Duration.ofSeconds(60));

    @Test
    void a_round_goes_while_at_most_a_batch_of_writes_is_waiting() {
        waiting.set(256);
        assertThat(giveWay.skip(T0)).isFalse();
        waiting.set(0);
        assertThat(giveWay.skip(T0.plusSeconds(1))).isFalse();
    }

    @Test
    void rounds_give_way_to_a_backlog_for_at_most_the_allowed_time_then_one_goes() {
        waiting.set(257);
        assertThat(giveWay.skip(T0)).isTrue();
        assertThat(giveWay.skip(T0.plusSeconds(59))).isTrue();
        assertThat(giveWay.skip(T0.plusSeconds(60))).as("a minute of giving way: this round goes").isFalse();
        assertThat(giveWay.skip(T0.plusSeconds(61))).as("and the next gives way again").isTrue();
        assertThat(giveWay.skip(T0.plusSeconds(120))).isTrue();
        assertThat(giveWay.skip(T0.plusSeconds(121))).isFalse();
    }

    @Test
    void the_allowed_time_starts_again_once_the_backlog_is_gone() {
        waiting.set(1_000);
        assertThat(giveWay.skip(T0)).isTrue();
        waiting.set(10);
        assertThat(giveWay.skip(T0.plusSeconds(50))).isFalse();
        waiting.set(1_000);
        assertThat(giveWay.skip(T0.plusSeconds(100))).as("a new backlog: a full minute again").isTrue();
        assertThat(giveWay.skip(T0.plusSeconds(159))).isTrue();
        assertThat(giveWay.skip(T0.plusSeconds(160))).isFalse();
    }

    @Test
    void never_gives_way() {
        assertThat(GiveWay.NEVER.skip(T0)).isFalse();
    }
}
