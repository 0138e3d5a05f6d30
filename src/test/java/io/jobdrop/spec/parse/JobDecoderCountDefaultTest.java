package io.jobdrop.spec.parse;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class JobDecoderCountDefaultTest {

    /** pkg/models/job_test.go: lower-case JSON keys, as the Go test writes them. */
    @ParameterizedTest(name = "{0} count {1} -> {2}")
    @CsvSource(nullValues = "absent", value = {
            "batch, 2, 2", "batch, 0, 0", "batch, absent, 1", "batch, null, 1",
            "service, 3, 3", "service, 0, 0", "service, absent, 1",
            "daemon, 1, 1", "daemon, absent, 0", "ops, 1, 1", "ops, absent, 0",
            "Batch, absent, 0", "' batch', absent, 0"})
    void defaults_count_like_bacalhaus_job_decoder(String type, String count, long expected) {
        String countField = count == null ? "" : ", \"count\": " + count;
        String json = "{\"id\": \"test-job\", \"name\": \"test-job\", \"namespace\": \"default\", \"type\": \"" + type + "\""
                + countField + "}";

        Decoding d = Decoding.of(json.replace("\"id\": \"test-job\", ", ""));

        assertThat(d.errors()).isEmpty();
        assertThat(d.job().count).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"Job\": {\"Type\": \"batch\", \"Count\": null}}|1",
            "{\"Job\": {\"Type\": \"batch\", \"count\": 2, \"Count\": null}}|1",
            "{\"Job\": {\"Type\": \"service\", \"Count\": null, \"count\": 0}}|0"})
    void treats_a_null_count_as_absent_in_an_api_body(String json, long expected) {
        assertThat(Decoding.of(json).job().count).isEqualTo(expected);
    }
}
