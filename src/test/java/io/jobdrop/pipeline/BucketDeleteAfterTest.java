package io.jobdrop.pipeline;

import io.jobdrop.store.DeliveryState;
import org.junit.jupiter.api.Test;

import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** jobdrop.s3.after=delete: accepted objects are deleted once recorded; rejected ones still go to error/. */
class BucketDeleteAfterTest extends BucketTestSupport {

    @Override
    void tuneBuckets(Properties p) {
        p.put("jobdrop.s3.after", "delete");
        p.put("jobdrop.s3.prefix", "incoming");
        p.put("jobdrop.s3.error-prefix", "rejected");
    }

    @Test
    void deletes_accepted_objects_and_files_rejected_ones_with_their_report() {
        upload("incoming/keep-going.yaml", job("keep-going"));
        upload("incoming/wrong.yaml", job("wrong").replace("Type: batch", "Type: Batch"));

        awaitDelivery("keep-going", DeliveryState.SUBMITTED);
        await().atMost(PATIENCE).until(() -> keys("incoming/").isEmpty());
        assertThat(keys("")).containsExactlyInAnyOrder("rejected/wrong.yaml", "rejected/wrong.yaml.error.json");
        assertThat(ledger().show("keep-going").orElseThrow().versions().get(0).source())
                .isEqualTo("s3://jobs/incoming/keep-going.yaml");
    }
}
