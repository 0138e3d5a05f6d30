package io.jobdrop.pipeline;

import io.jobdrop.store.DeliveryState;
import io.jobdrop.store.JobSummary;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** jobdrop.job-ids = time-ordered: the jobs jobdrop stamps get IDs that sort in the order they were stamped. */
class TimeOrderedIdsTest extends PipelineTestSupport {

    @Override
    String databaseUrl() {
        return "jdbc:h2:file:" + work.resolve("data/jobdrop").toAbsolutePath();
    }

    @Override
    void tune(Properties p) {
        p.put("jobdrop.job-ids", "time-ordered");
    }

    @Test
    void jobs_dropped_one_after_another_get_ids_in_that_order_that_tell_when_they_were_stamped() {
        List<String> ids = new ArrayList<>();
        for (String name : List.of("first", "second", "third")) {
            drop(name + ".yaml", job(name));
            awaitDelivery(name, DeliveryState.SUBMITTED);
            JobSummary job = ledgerJob(name);
            ids.add(job.id());
            assertThat(job.id()).matches("j-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
            // the first 8 hex digits count microseconds: the ID was made just before the job's CreateTime was read
            long idMicros = Long.parseLong(job.id().substring(2, 10), 16);
            long createMicros = job.createTime().getEpochSecond() * 1_000_000L + job.createTime().getNano() / 1_000;
            assertThat(Math.floorMod(createMicros - idMicros, 1L << 32)).as("µs from the ID to CreateTime")
                    .isLessThan(1_000_000L);
        }
        assertThat(ids).isSorted().doesNotHaveDuplicates();
    }
}
