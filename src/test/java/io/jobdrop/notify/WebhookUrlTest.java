package io.jobdrop.notify;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookUrlTest {

    @Test
    void keeps_scheme_host_port_and_path_and_drops_user_info_and_query() {
        assertThat(WebhookUrl.redacted("https://bot:s3cret@hooks.example:8443/in/jobdrop?token=abc&x=1#frag"))
                .isEqualTo("https://hooks.example:8443/in/jobdrop");
        assertThat(WebhookUrl.redacted("http://hooks.example")).isEqualTo("http://hooks.example");
    }

    @Test
    void an_unreadable_url_shows_nothing_of_itself() {
        assertThat(WebhookUrl.redacted("http://a b/?token=abc")).isEqualTo("(unreadable URL)");
        assertThat(WebhookUrl.redacted("mailto:someone?token=abc")).isEqualTo("(unreadable URL)");
    }
}
