package io.jobdrop.app;

import io.jobdrop.ingest.JobIds;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** jobdrop.job-ids: random by default, as Bacalhau makes them; time-ordered when asked; nothing else. */
class JobIdsSettingTest {

    @Test
    void random_unless_told_otherwise() {
        assertThat(JobdropConfiguration.jobIds(settings(Map.of()))).isEqualTo(JobIds.RANDOM);
        assertThat(JobdropConfiguration.jobIds(settings(Map.of("JOBDROP_JOB_IDS", "time-ordered"))))
                .isEqualTo(JobIds.TIME_ORDERED);
    }

    @Test
    void refuses_a_kind_it_does_not_know_and_names_the_ones_it_does() {
        assertThatThrownBy(() -> JobdropConfiguration.jobIds(settings(Map.of("JOBDROP_JOB_IDS", "uuid7"))))
                .isInstanceOf(SettingException.class)
                .hasMessageContaining("jobdrop.job-ids").hasMessageContaining("random, time-ordered");
    }

    private static Settings settings(Map<String, String> env) {
        return Settings.resolve(List.of(), env, new Properties());
    }
}
