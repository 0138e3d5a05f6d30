package io.jobdrop.app;

import io.jobdrop.store.NotifyTargets;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NotifyWiringTest {

    private static Settings settings(Map<String, String> env) {
        return Settings.resolve(List.of(), env, new Properties());
    }

    @Test
    void no_url_means_notifications_are_off() {
        assertThat(NotifyWiring.targets(settings(Map.of())).off()).isTrue();
    }

    @Test
    void reads_several_comma_separated_webhook_urls() {
        NotifyTargets targets = NotifyWiring.targets(settings(Map.of("JOBDROP_NOTIFY_URL",
                " https://hooks.example/a , http://127.0.0.1:18399/b,")));

        assertThat(targets.urls()).containsExactly(URI.create("https://hooks.example/a"),
                URI.create("http://127.0.0.1:18399/b"));
    }

    @Test
    void a_bad_url_names_its_key_value_and_source() {
        assertThatThrownBy(() -> NotifyWiring.targets(settings(Map.of("JOBDROP_NOTIFY_URL",
                "https://ok.example/a,ftp://files.example/b"))))
                .isInstanceOf(SettingException.class)
                .hasMessage("jobdrop.notify.url: \"ftp://files.example/b\" must start with http:// or https://"
                        + " (from environment variable JOBDROP_NOTIFY_URL)");
    }

    @Test
    void the_token_is_read_from_its_file_like_the_orchestrator_token() throws Exception {
        Path file = Files.createTempFile("notify-token", ".txt");
        Files.writeString(file, "s3cret\nignored\n");

        assertThat(settings(Map.of("JOBDROP_NOTIFY_TOKEN_FILE", file.toString())).secret("jobdrop.notify.token"))
                .isEqualTo("s3cret");
    }

    @Test
    void refuses_a_lease_shorter_than_a_whole_batch_of_timeouts() {
        // 10s × ceil(50 / 2) + 1s = 251s
        Settings props = settings(Map.of("JOBDROP_NOTIFY_URL", "http://127.0.0.1:18399/x",
                "JOBDROP_NOTIFY_TIMEOUT", "10s", "JOBDROP_NOTIFY_BATCH", "50", "JOBDROP_NOTIFY_CONCURRENCY", "2",
                "JOBDROP_NOTIFY_LEASE", "250s"));

        assertThatThrownBy(() -> NotifyWiring.bind(new DefaultCamelContext(), this, props,
                NotifyWiring.targets(props), null, java.time.Clock.systemUTC()))
                .isInstanceOf(SettingException.class)
                .hasMessageStartingWith("jobdrop.notify.lease: PT4M10S is shorter than jobdrop.notify.timeout PT10S"
                        + " × ceil(jobdrop.notify.batch 50 / jobdrop.notify.concurrency 2) + PT1S = PT4M11S")
                .hasMessageContaining("sent twice");
    }

    @Test
    void accepts_a_lease_that_covers_a_whole_batch_and_the_packaged_defaults() {
        NotifyWiring.checkLease(Duration.ofSeconds(251), Duration.ofSeconds(10), 50, 2);
        NotifyWiring.checkLease(Duration.ofSeconds(21), Duration.ofSeconds(10), 3, 2);
        Settings defaults = settings(Map.of());
        NotifyWiring.checkLease(defaults.duration("jobdrop.notify.lease"), defaults.duration("jobdrop.notify.timeout"),
                defaults.integer("jobdrop.notify.batch"), defaults.integer("jobdrop.notify.concurrency"));
        assertThatThrownBy(() -> NotifyWiring.checkLease(Duration.ofSeconds(20), Duration.ofSeconds(10), 3, 2))
                .isInstanceOf(SettingException.class);
    }

    @Test
    void refuses_a_lease_no_longer_than_the_timeout() {
        Settings props = settings(Map.of("JOBDROP_NOTIFY_URL", "http://127.0.0.1:18399/x",
                "JOBDROP_NOTIFY_TIMEOUT", "30s", "JOBDROP_NOTIFY_LEASE", "30s"));

        assertThatThrownBy(() -> NotifyWiring.bind(new DefaultCamelContext(), this, props,
                NotifyWiring.targets(props), null, java.time.Clock.systemUTC()))
                .isInstanceOf(SettingException.class)
                .hasMessageContaining("jobdrop.notify.lease").hasMessageContaining("jobdrop.notify.timeout");
    }
}
