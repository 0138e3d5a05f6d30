package io.jobdrop.forward;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ForwardPolicyTest {

    @Test
    void defaults_are_the_documented_ones() {
        ForwardPolicy p = ForwardPolicy.defaults();

        assertThat(p.maxAttempts()).isEqualTo(10);
        assertThat(p.maxAge()).isEqualTo(Duration.ofHours(24));
        assertThat(p.initialBackoff()).isEqualTo(Duration.ofSeconds(1));
        assertThat(p.maxBackoff()).isEqualTo(Duration.ofMinutes(5));
        assertThat(p.authPause()).isEqualTo(Duration.ofSeconds(60));
        assertThat(p.defaultRetryAfter()).isEqualTo(Duration.ofSeconds(1));
        assertThat(p.maxRetryAfter()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void rejects_settings_that_would_never_deliver() {
        Duration s = Duration.ofSeconds(1);
        assertThatThrownBy(() -> new ForwardPolicy(0, s, s, s, s, s, s)).hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> new ForwardPolicy(1, Duration.ZERO, s, s, s, s, s)).hasMessageContaining("maxAge");
        assertThatThrownBy(() -> new ForwardPolicy(1, s, Duration.ofSeconds(2), s, s, s, s)).hasMessageContaining("maxBackoff");
    }
}
