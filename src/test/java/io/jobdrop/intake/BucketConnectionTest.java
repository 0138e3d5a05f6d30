package io.jobdrop.intake;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BucketConnectionTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(1);

    @Test
    void never_shows_the_keys() {
        BucketConnection connection =
                new BucketConnection("http://minio:9000", "", "AKIDEXAMPLE", "wJalrXUtnFEMI", TIMEOUT);

        assertThat(connection.toString())
                .isEqualTo("BucketConnection[http://minio:9000 with the configured access key]")
                .doesNotContain("AKIDEXAMPLE").doesNotContain("wJalrXUtnFEMI");
        assertThat(new BucketConnection("", "eu-west-1", "", "", TIMEOUT).describe())
                .isEqualTo("AWS S3 with the AWS default credential chain");
    }

    @Test
    void refuses_half_a_key_pair_and_endpoints_that_are_not_urls() {
        assertThatThrownBy(() -> new BucketConnection("", "", "AKIDEXAMPLE", "", TIMEOUT))
                .hasMessageStartingWith("set both jobdrop.s3.access-key and jobdrop.s3.secret-key, or neither")
                .hasMessageNotContaining("AKIDEXAMPLE");
        assertThatThrownBy(() -> new BucketConnection("minio:9000", "", "", "", TIMEOUT))
                .hasMessageStartingWith("jobdrop.s3.endpoint must be a URL");
    }
}
