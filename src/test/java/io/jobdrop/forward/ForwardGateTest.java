package io.jobdrop.forward;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

class ForwardGateTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    @Test
    void is_open_until_paused() {
        ForwardGate gate = new ForwardGate();

        assertThat(gate.isOpen(NOW)).isTrue();
        assertThat(gate.reason()).isEmpty();
        assertThat(gate.pausedUntil()).isEmpty();
    }

    @Test
    void is_closed_while_paused_and_opens_at_the_end_of_the_pause() {
        ForwardGate gate = new ForwardGate();

        gate.pause(NOW.plusSeconds(60), "HTTP 401 credentials refused");

        assertThat(gate.isOpen(NOW)).isFalse();
        assertThat(gate.isOpen(NOW.plusSeconds(59))).isFalse();
        assertThat(gate.isOpen(NOW.plusSeconds(60))).isTrue();
        assertThat(gate.reason()).isEqualTo("HTTP 401 credentials refused");
        assertThat(gate.toString()).contains("paused until", "HTTP 401");
    }

    @Test
    void a_shorter_pause_does_not_cut_a_longer_one() {
        ForwardGate gate = new ForwardGate();
        gate.pause(NOW.plusSeconds(120), "long");

        gate.pause(NOW.plusSeconds(10), "short");

        assertThat(gate.isOpen(NOW.plusSeconds(60))).isFalse();
        assertThat(gate.reason()).isEqualTo("long");
    }

    @Test
    void a_longer_pause_extends_and_takes_its_reason() {
        ForwardGate gate = new ForwardGate();
        gate.pause(NOW.plusSeconds(10), "first");

        gate.pause(NOW.plusSeconds(120), "second");

        assertThat(gate.pausedUntil()).contains(NOW.plusSeconds(120));
        assertThat(gate.reason()).isEqualTo("second");
    }

    @Test
    void resume_opens_at_once() {
        ForwardGate gate = new ForwardGate();
        gate.pause(NOW.plusSeconds(60), "r");

        gate.resume();

        assertThat(gate.isOpen(NOW)).isTrue();
        assertThat(gate.reason()).isEmpty();
    }

    @Test
    void concurrent_pauses_keep_the_latest_end() throws InterruptedException {
        ForwardGate gate = new ForwardGate();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            int seconds = i * 10;
            Thread t = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                for (int k = 0; k < 1000; k++) {
                    gate.pause(NOW.plusSeconds(seconds), "pause " + seconds);
                }
            });
            t.start();
            threads.add(t);
        }
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }

        assertThat(gate.pausedUntil()).contains(NOW.plusSeconds(80));
        assertThat(gate.reason()).isEqualTo("pause 80");
    }
}
