package io.jobdrop.store;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Following starts with the job's Type, read from the spec that was sent. */
class AttemptRecorderJobTypeTest {

    private static String typeOf(String specJson) {
        return AttemptRecorder.jobType(new OutboxItem("j-1", "default", "n", 1, specJson, 0, Instant.EPOCH));
    }

    @Test
    void reads_the_top_level_type_past_nested_ones() {
        assertThat(typeOf("{\"Name\":\"n\",\"Tasks\":[{\"Engine\":{\"Type\":\"docker\"},\"Publisher\":{\"Type\":\"s3\"}}],"
                + "\"Meta\":{\"Type\":\"x\"},\"Type\":\"ops\"}")).isEqualTo("ops");
        assertThat(typeOf("{\"Type\":\"daemon\",\"Name\":\"n\"}")).isEqualTo("daemon");
    }

    @Test
    void a_spec_without_a_type_is_a_batch_job() {
        assertThat(typeOf("{\"Name\":\"n\",\"Tasks\":[{\"Engine\":{\"Type\":\"docker\"}}]}")).isEqualTo("batch");
        assertThat(typeOf("{\"Name\":\"n\",\"Type\":null}")).isEqualTo("batch");
    }
}
