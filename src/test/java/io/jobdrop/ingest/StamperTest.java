package io.jobdrop.ingest;

import io.jobdrop.spec.Fixtures;
import io.jobdrop.spec.Job;
import io.jobdrop.spec.JobJson;
import io.jobdrop.spec.JobStateType;
import io.jobdrop.spec.Network;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import static io.jobdrop.spec.Fixtures.job;
import static org.assertj.core.api.Assertions.assertThat;

/** Server-generated fields of a new job (spec §12.4). */
class StamperTest {

    private static final Instant NOW = Instant.parse("2025-01-01T00:00:00.123456789Z");
    private static final UUID UUID_1 = UUID.fromString("5E2C0F7A-1B2C-4D3E-8F90-A1B2C3D4E5F6");
    private final Stamper stamper = new Stamper(Clock.fixed(NOW, ZoneOffset.UTC), () -> UUID_1);

    @Test
    void stamps_a_new_batch_job() {
        Job job = job("batch");
        stamper.stampNew(job);
        assertThat(job.id).isEqualTo("j-5e2c0f7a-1b2c-4d3e-8f90-a1b2c3d4e5f6").hasSize(38);
        assertThat(job.name).isEqualTo(job.id);
        assertThat(job.namespace).isEqualTo("default");
        assertThat(job.state.stateType).isEqualTo(JobStateType.PENDING);
        assertThat(job.state.message).isEmpty();
        assertThat(job.version).isEqualTo(1);
        assertThat(job.revision).isEqualTo(1);
        assertThat(job.createTime).isEqualTo(1735689600123456789L);
        assertThat(job.modifyTime).isEqualTo(job.createTime);
    }

    @Test
    void keeps_name_and_namespace_that_are_set() {
        Job job = job("batch");
        job.name = "nightly";
        job.namespace = "team-a";
        stamper.stampNew(job);
        assertThat(job.name).isEqualTo("nightly");
        assertThat(job.namespace).isEqualTo("team-a");
    }

    @ParameterizedTest
    @ValueSource(strings = {"service", "daemon"})
    void keeps_the_client_id_of_long_running_jobs(String type) {
        Job job = job(type);
        job.id = "my-id";
        stamper.stampNew(job);
        assertThat(job.id).isEqualTo("my-id");
        assertThat(job.name).isEqualTo("my-id");
    }

    @ParameterizedTest
    @ValueSource(strings = {"batch", "ops"})
    void replaces_any_id_of_batch_and_ops_jobs(String type) {
        Job job = job(type);
        job.id = "my-id";
        stamper.stampNew(job);
        assertThat(job.id).startsWith("j-5e2c0f7a");
    }

    @Test
    void generates_an_id_for_a_long_running_job_without_one() {
        Job job = job("service");
        stamper.stampNew(job);
        assertThat(job.id).startsWith("j-");
    }

    @Test
    void normalizes_the_stamped_job_like_the_store_does() {
        Job job = job("daemon");
        job.count = 1;
        stamper.stampNew(job);
        assertThat(job.count).isZero();
        assertThat(job.meta).isNotNull();
        assertThat(Fixtures.onlyTask(job).network.type).isEqualTo(Network.DEFAULT);
    }

    @Test
    void writes_the_stamped_fields_as_bacalhau_does() {
        Job job = job("batch");
        stamper.stampNew(job);
        assertThat(JobJson.write(job)).contains("\"State\":{\"StateType\":\"Pending\"},\"Version\":1,\"Revision\":1,"
                + "\"CreateTime\":1735689600123456789,\"ModifyTime\":1735689600123456789");
    }
}
