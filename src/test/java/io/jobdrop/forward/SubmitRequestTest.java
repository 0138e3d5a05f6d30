package io.jobdrop.forward;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SubmitRequestTest {

    private static final String SPEC = "{\"Name\":\"hello\",\"Type\":\"batch\"}";
    private static final String TOKEN = "s3cret-api-key-0123456789";

    @Test
    void wraps_the_spec_as_bacalhaus_put_job_request_without_reparsing() {
        assertThat(SubmitRequest.of(SPEC, null).body()).isEqualTo("{\"Job\":{\"Name\":\"hello\",\"Type\":\"batch\"}}");
    }

    @Test
    void without_a_token_sends_only_the_json_content_type() {
        assertThat(SubmitRequest.of(SPEC, null).headers()).isEqualTo(Map.of("Content-Type", "application/json"));
        assertThat(SubmitRequest.of(SPEC, "  ").headers()).doesNotContainKey("Authorization");
        assertThat(SubmitRequest.of(SPEC, "").hasToken()).isFalse();
    }

    @Test
    void with_a_token_sends_it_as_a_bearer_authorization() {
        SubmitRequest request = SubmitRequest.of(SPEC, TOKEN);

        assertThat(request.headers()).containsEntry("Authorization", "Bearer " + TOKEN)
                .containsEntry("Content-Type", "application/json");
        assertThat(request.hasToken()).isTrue();
    }

    @Test
    void never_prints_the_token() {
        String printed = SubmitRequest.of(SPEC, TOKEN).toString();

        assertThat(printed).doesNotContain(TOKEN).contains("Bearer ****", "PUT /api/v1/orchestrator/jobs");
        assertThat(SubmitRequest.of(SPEC, null).toString()).contains("no Authorization");
    }

    @Test
    void refuses_a_spec_that_is_not_a_json_object() {
        assertThatThrownBy(() -> SubmitRequest.of("[1]", null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("JSON object");
        assertThatThrownBy(() -> SubmitRequest.of(" ", null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refuses_a_token_with_line_breaks_without_echoing_it() {
        assertThatThrownBy(() -> SubmitRequest.of(SPEC, "abc\r\nX-Evil: 1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("abc");
    }
}
