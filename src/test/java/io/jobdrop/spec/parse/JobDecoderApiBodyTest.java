package io.jobdrop.spec.parse;

import io.jobdrop.spec.Job;
import io.jobdrop.spec.JobStateType;
import io.jobdrop.spec.Network;
import io.jobdrop.spec.Violations;
import io.jobdrop.testing.NeedsCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class JobDecoderApiBodyTest {

    @NeedsCorpus
    @ParameterizedTest
    @ValueSource(strings = {"docs-main__docs__api__README.md__L32.request.json", "docs-main__docs__api__jobs.md__L164.request.json",
            "docs-main__docs__api__jobs.md__L26.response.json"})
    void recognises_the_corpus_request_bodies_and_decodes_the_job_inside(String file) {
        Decoding d = Decoding.ofCorpus(file);

        assertThat(d.decoded().shape()).isEqualTo(JobDecoder.Shape.API_BODY);
        assertThat(d.errors()).isEmpty();
        assertThat(d.warnings()).extracting(Violations.Entry::path, Violations.Entry::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("", JobDecoder.API_BODY_WARNING));
        assertThat(d.job().type).isEqualTo("batch");
        assertThat(d.job().tasks).isNotEmpty();
    }

    @NeedsCorpus
    @Test
    void decodes_server_fields_so_that_sanitize_can_warn_about_them() {
        Job job = Decoding.ofCorpus("docs-main__docs__api__jobs.md__L26.response.json").job();

        assertThat(job.id).isEqualTo("j-d586d2cc-6fc9-42c4-9dd9-a78df1d7cd01");
        assertThat(job.state.stateType).isEqualTo(JobStateType.COMPLETED);
        assertThat(job.revision).isEqualTo(2);
        assertThat(job.createTime).isEqualTo(1695883778909107178L);
        assertThat(job.meta).containsKey("bacalhau.org/requester.id");
        assertThat(job.tasks.get(0).network.type).isEqualTo(Network.NONE);
        assertThat(job.tasks.get(0).timeouts.executionTimeout).isEqualTo(1800);
    }

    @NeedsCorpus
    @Test
    void ignores_unknown_keys_in_the_body_such_as_the_misnamed_resources() {
        Decoding d = Decoding.ofCorpus("docs-main__docs__api__README.md__L32.request.json");

        assertThat(d.job().tasks.get(0).resources).isNull();
        assertThat(d.job().labels).containsEntry("env", "dev");
    }

    @Test
    void decodes_keys_in_document_order_so_the_later_one_wins() {
        Job job = Decoding.of("{\"Job\": {\"Name\": \"upper\", \"name\": \"lower\", \"Type\": \"batch\"}, \"Force\": true}").job();
        Job reversed = Decoding.of("{\"job\": {\"name\": \"lower\", \"Name\": \"upper\", \"Type\": \"batch\"}}").job();

        assertThat(job.name).isEqualTo("lower");
        assertThat(reversed.name).isEqualTo("upper");
    }

    @Test
    void gives_no_job_for_a_null_job() {
        Decoding d = Decoding.of("{\"Job\": null}");

        assertThat(d.decoded().shape()).isEqualTo(JobDecoder.Shape.API_BODY);
        assertThat(d.job()).isNull();
        assertThat(d.errors()).isEmpty();
    }

    @Test
    void reports_a_job_that_is_not_an_object() {
        Decoding d = Decoding.of("{\"Job\": [1]}");

        assertThat(d.messages()).containsExactly("json: cannot unmarshal array into Go value of type models.Job");
        assertThat(d.job()).isNull();
    }

    @Test
    void parses_state_names_and_rejects_numbers() {
        assertThat(Decoding.of("{\"Job\": {\"State\": {\"StateType\": \" running \"}}}").job().state.stateType)
                .isEqualTo(JobStateType.RUNNING);
        assertThat(Decoding.of("{\"Job\": {\"State\": {\"StateType\": \"Exploded\"}}}").job().state.stateType)
                .isEqualTo(JobStateType.UNDEFINED);
        assertThat(Decoding.of("{\"Job\": {\"State\": {\"StateType\": 2}}}").messages()).containsExactly(
                "field: 'State.StateType' in 'State[github.com/bacalhau-project/bacalhau/pkg/models.JobStateType]' is "
                        + "invalid type: 'number' expected: 'models.JobStateType'");
    }

    @Test
    void rejects_a_negative_version_as_go_reads_uint64() {
        assertThat(Decoding.of("{\"Job\": {\"Version\": -1}}").messages())
                .containsExactly("field: 'Version' in 'job' is invalid type: 'number -1' expected: 'uint64'");
    }

    @Test
    void treats_a_mapping_with_other_keys_as_a_job_file() {
        Decoding d = Decoding.of("Job: {}\nType: batch\n");

        assertThat(d.decoded().shape()).isEqualTo(JobDecoder.Shape.JOB_FILE);
        assertThat(d.messages()).containsExactly("unknown field: 'Job' in 'Job'");
    }
}
