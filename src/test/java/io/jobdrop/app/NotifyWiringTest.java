package io.jobdrop.app;

import io.jobdrop.store.NotifyTargets;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
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
    void refuses_a_lease_no_longer_than_the_timeout() {
        Settings props = settings(Map.of("JOBDROP_NOTIFY_URL", "http://127.0.0.1:18399/x",
                "JOBDROP_NOTIFY_TIMEOUT", "30s", "JOBDROP_NOTIFY_LEASE", "30s"));

        assertThatThrownBy(() -> NotifyWiring.bind(new DefaultCamelContext(), this, props,
                NotifyWiring.targets(props), null, java.time.Clock.systemUTC()))
                .isInstanceOf(SettingException.class)
                .hasMessageContaining("jobdrop.notify.lease").hasMessageContaining("jobdrop.notify.timeout");
    }
}
