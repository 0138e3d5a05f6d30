package io.jobdrop.spec.parse;

import io.jobdrop.spec.SourcePosition;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JobDecoderTopLevelKeysTest {

    private static final String DOCKER_JOB = """
            Name: docker job
            Type: batch
            Count: 1
            Tasks:
              - Name: main
                Engine:
                  Type: docker
                  Params: {Image: ubuntu}
            """;

    @Test
    void accepts_the_marshaller_test_docker_job() {
        Decoding d = Decoding.of(DOCKER_JOB);

        assertThat(d.errors()).isEmpty();
        assertThat(d.job().tasks.get(0).engine.params).containsEntry("Image", "ubuntu");
    }

    @Test
    void rejects_an_unknown_top_level_key() {
        Decoding d = Decoding.of(DOCKER_JOB + "Selector: {a: b}\n");

        assertThat(d.messages()).containsExactly("unknown field: 'Selector' in 'Job'");
        assertThat(d.paths()).containsExactly("Selector");
        assertThat(d.positionOf("Selector")).isEqualTo(new SourcePosition(9, 1));
        assertThat(d.job()).isNull();
    }

    @Test
    void rejects_a_server_field_as_not_allowed() {
        Decoding d = Decoding.of(DOCKER_JOB + "Version: 1\n");

        assertThat(d.messages()).containsExactly("field: 'Version' in 'Job' is not allowed");
        assertThat(d.job()).isNull();
    }

    @Test
    void names_keys_as_written_and_collects_them_all_not_allowed_first() {
        Decoding d = Decoding.of("ID: abc\nstate: Running\nType: batch\nFoo: 1\nCreateTime: 5\nJob: {}\n");

        assertThat(d.messages()).containsExactly(
                "field: 'CreateTime' in 'Job' is not allowed",
                "field: 'ID' in 'Job' is not allowed",
                "field: 'state' in 'Job' is not allowed",
                "unknown field: 'Foo' in 'Job'",
                "unknown field: 'Job' in 'Job'");
        assertThat(d.paths()).containsExactly("CreateTime", "ID", "state", "Foo", "Job");
    }

    @Test
    void checks_allowed_keys_in_any_case() {
        Decoding d = Decoding.of("NAME: x\ntype: batch\nPRIORITY: 1\ncOuNt: 2\nnamespace: ns\nLABELS: {}\nmeta: {}\n"
                + "Constraints: []\ntasks: []\n");

        assertThat(d.errors()).isEmpty();
        assertThat(d.job().priority).isEqualTo(1);
        assertThat(d.job().count).isEqualTo(2);
        assertThat(d.job().namespace).isEqualTo("ns");
    }

    @Test
    void does_not_check_nested_keys() {
        assertThat(Decoding.of(DOCKER_JOB + "Meta: {ID: x}\n").errors()).isEmpty();
    }
}
