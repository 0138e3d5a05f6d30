package io.jobdrop.pipeline;

import io.jobdrop.store.Disposition;
import io.jobdrop.store.IntakeRecord;
import io.jobdrop.store.RejectedUnit;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A rejected bucket object is moved away once taken: its text stays in the ledger for the dashboard's report. */
class BucketRejectedTextTest extends BucketTestSupport {

    @Override
    List<String> buckets() {
        return List.of(BUCKET);
    }

    @Test
    void keeps_the_text_of_a_rejected_object_and_none_of_an_accepted_one() {
        String bad = job("bad-type").replace("Type: batch", "Type: Batch");
        upload("inbox/bad-type.yaml", bad);
        upload("inbox/good.yaml", job("good"));

        awaitKeys("error/", 2);
        awaitKeys("done/", 1);

        List<IntakeRecord> units = ledger().pageIntake(null, null, null, 10).items();
        assertThat(units).hasSize(2);
        for (IntakeRecord unit : units) {
            RejectedUnit kept = ledger().intakeUnit(unit.source(), unit.claimKey()).orElseThrow();
            assertThat(kept.unit().source()).isEqualTo("s3://" + BUCKET);
            if (unit.disposition() == Disposition.ERROR) {
                assertThat(kept.text()).isEqualTo(bad);
            } else {
                assertThat(kept.text()).isNull();
            }
        }
    }
}
