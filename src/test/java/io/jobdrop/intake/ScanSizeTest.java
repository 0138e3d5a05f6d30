package io.jobdrop.intake;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScanSizeTest {

    @Test
    void a_tenth_of_what_waited_at_least_a_thousand_at_most_the_setting() {
        ScanSize size = new ScanSize(10_000);
        assertThat(size.next()).isEqualTo(1_000);
        waiting(size, 30_000);
        assertThat(size.next()).isEqualTo(3_000);
        waiting(size, 5_000);
        assertThat(size.next()).isEqualTo(1_000);
        waiting(size, 100_001);
        assertThat(size.next()).isEqualTo(10_000);
        assertThat(size.next()).as("each count is the last scan's own").isEqualTo(1_000);
    }

    @Test
    void a_setting_under_a_thousand_is_the_size_of_every_scan() {
        ScanSize size = new ScanSize(200);
        waiting(size, 50_000);
        assertThat(size.next()).isEqualTo(200);
        assertThat(size.next()).isEqualTo(200);
        assertThatThrownBy(() -> new ScanSize(0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static void waiting(ScanSize size, int files) {
        for (int i = 0; i < files; i++) {
            size.waiting();
        }
    }
}
