package io.jobdrop.spec.parse;

import io.jobdrop.spec.Job;
import io.jobdrop.spec.Network;
import io.jobdrop.spec.SourcePosition;
import io.jobdrop.spec.Task;
import io.jobdrop.testing.NeedsCorpus;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class JobDecoderBindingTest {

    @NeedsCorpus
    @Test
    void decodes_an_all_lower_case_corpus_file_fully() {
        Decoding d = Decoding.ofCorpus("bacalhau-main__testdata__jobs__docker-hello.yaml");

        Job job = d.job();
        assertThat(d.errors()).isEmpty();
        assertThat(d.decoded().shape()).isEqualTo(JobDecoder.Shape.JOB_FILE);
        assertThat(job.name).isEqualTo("A Simple Docker Job");
        assertThat(job.type).isEqualTo("batch");
        assertThat(job.count).isEqualTo(1);
        Task task = job.tasks.get(0);
        assertThat(task.name).isEqualTo("My main task");
        assertThat(task.engine.type).isEqualTo("docker");
        assertThat(task.engine.params).containsEntry("Image", "busybox:1.37.0")
                .containsEntry("Entrypoint", List.of("/bin/sh"))
                .containsEntry("Parameters", List.of("-c", "echo Hello Bacalhau!"));
    }

    @Test
    void matches_struct_keys_in_any_case_at_every_level() {
        Job job = Decoding.of("""
                NAME: x
                tYpE: batch
                tasks:
                  - NAME: t
                    ENGINE: {TYPE: docker}
                    publisher: {type: noop}
                    resources: {cpu: 500m, MEMORY: 1Gb, Disk: 1Gb, gpu: "1"}
                    network: {type: http, domains: [example.com], ports: [{name: web, static: 8080, target: 80, hostnetwork: 0.0.0.0}]}
                    timeouts: {executiontimeout: 10, QUEUETIMEOUT: 20, totalTimeout: 30}
                    inputsources: [{source: {type: s3, params: {Bucket: b}}, alias: in, target: /in}]
                    resultpaths: [{name: out, path: /out}]
                constraints: [{key: region, operator: '=', values: [eu]}]
                """).job();

        Task task = job.tasks.get(0);
        assertThat(job.name).isEqualTo("x");
        assertThat(task.name).isEqualTo("t");
        assertThat(task.publisher.type).isEqualTo("noop");
        assertThat(task.resources.cpu).isEqualTo("500m");
        assertThat(task.resources.memory).isEqualTo("1Gb");
        assertThat(task.resources.gpu).isEqualTo("1");
        assertThat(task.network.type).isEqualTo(Network.HTTP);
        assertThat(task.network.domains).containsExactly("example.com");
        assertThat(task.network.ports.get(0).staticPort).isEqualTo(8080);
        assertThat(task.network.ports.get(0).target).isEqualTo(80);
        assertThat(task.network.ports.get(0).hostNetwork).isEqualTo("0.0.0.0");
        assertThat(task.timeouts.executionTimeout).isEqualTo(10);
        assertThat(task.timeouts.queueTimeout).isEqualTo(20);
        assertThat(task.timeouts.totalTimeout).isEqualTo(30);
        assertThat(task.inputSources.get(0).source.params).containsEntry("Bucket", "b");
        assertThat(task.inputSources.get(0).target).isEqualTo("/in");
        assertThat(task.resultPaths.get(0).path).isEqualTo("/out");
        assertThat(job.constraints.get(0).operator).isEqualTo("=");
        assertThat(job.constraints.get(0).values).containsExactly("eu");
    }

    @Test
    void lets_the_key_that_sorts_last_win_in_a_job_file() {
        Job job = Decoding.of("name: lower\nName: upper\nType: batch\n").job();

        assertThat(job.name).isEqualTo("lower");
    }

    @Test
    void merges_maps_given_under_two_spellings() {
        Job job = Decoding.of("Meta: {a: '1'}\nmeta: {b: '2'}\nType: batch\n").job();

        assertThat(job.meta).containsOnly(Map.entry("a", "1"), Map.entry("b", "2"));
    }

    @Test
    void drops_unknown_nested_keys_silently() {
        Decoding d = Decoding.of("Type: batch\nTasks:\n  - Name: t\n    ResourcesConfig: {CPU: '1'}\n    Foo: bar\n");

        assertThat(d.errors()).isEmpty();
        assertThat(d.job().tasks.get(0).resources).isNull();
    }

    @Test
    void treats_json_null_as_go_does() {
        Job job = Decoding.of("""
                Name: ~
                Type: batch
                Labels: {a: null, b: x}
                Meta: null
                Tasks:
                  - Name: t
                    Engine: null
                    Env: {A: ~}
                    Network: {Type: null}
                  - null
                Constraints: [{Key: k, Operator: in, Values: [a, null]}]
                """).job();

        assertThat(job.name).isEmpty();
        assertThat(job.labels).containsOnly(Map.entry("a", ""), Map.entry("b", "x"));
        assertThat(job.meta).isNull();
        assertThat(job.tasks.get(0).engine).isNull();
        assertThat(job.tasks.get(0).env).containsEntry("A", "");
        assertThat(job.tasks.get(0).network.type).isEqualTo(Network.DEFAULT);
        assertThat(job.tasks.get(1)).isNull();
        assertThat(job.constraints.get(0).values).containsExactly("a", "");
    }

    @Test
    void keeps_an_empty_list_non_nil() {
        assertThat(Decoding.of("Type: batch\nTasks: []\n").job().tasks).isNotNull().isEmpty();
    }

    @Test
    void keeps_params_as_go_decodes_interface_values() {
        Map<String, Object> params = Decoding.of("""
                Type: batch
                Tasks:
                  - Name: t
                    Engine:
                      Type: docker
                      Params:
                        Count: 3
                        Ratio: 1.5
                        Whole: 2.0
                        Big: 9007199254740993
                        Flag: yes
                        Empty: ~
                        Nested: {b: [1, {c: x}], a: on}
                """).job().tasks.get(0).engine.params;

        assertThat(params).isInstanceOf(TreeMap.class);
        assertThat(params.get("Count")).isEqualTo(3L);
        assertThat(params.get("Ratio")).isEqualTo(1.5);
        assertThat(params.get("Whole")).isEqualTo(2L);
        assertThat(params.get("Big")).isEqualTo(9.007199254740992E15);
        assertThat(params.get("Flag")).isEqualTo(true);
        assertThat(params).containsEntry("Empty", null);
        assertThat(params.get("Nested")).isInstanceOf(TreeMap.class)
                .isEqualTo(new TreeMap<>(Map.of("a", true, "b", List.of(1L, new TreeMap<>(Map.of("c", "x"))))));
    }

    @Test
    void reads_go_yaml_v2_numbers_into_count() {
        assertThat(Decoding.of("Type: ops\nCount: 010").job().count).isEqualTo(8);
        assertThat(Decoding.of("Type: ops\nCount: 0x1F").job().count).isEqualTo(31);
        assertThat(Decoding.of("Type: ops\nCount: 0o17").job().count).isEqualTo(15);
        assertThat(Decoding.of("Type: ops\nCount: 1_000").job().count).isEqualTo(1000);
        assertThat(Decoding.of("Type: ops\nCount: 1.0").job().count).isEqualTo(1);
        assertThat(Decoding.of("Type: ops\nCount: 08").job().count).isEqualTo(8);
    }

    @Test
    void keeps_timestamps_and_quoted_numbers_as_strings() {
        Job job = Decoding.of("Name: 2024-01-01\nType: batch\nLabels: {v: '1'}\n").job();

        assertThat(job.name).isEqualTo("2024-01-01");
        assertThat(job.labels).containsEntry("v", "1");
    }

    @Test
    void records_where_each_field_element_and_entry_stood() {
        Decoding d = Decoding.of("""
                Type: batch
                Tasks:
                  - Name: main
                    Env:
                      FOO: bar
                    Resources:
                      CPU: '1'
                constraints:
                  - {Key: a, Operator: '=', Values: [x]}
                  - Key: b
                """);

        assertThat(d.positionOf("")).isEqualTo(new SourcePosition(1, 1));
        assertThat(d.positionOf("Type")).isEqualTo(new SourcePosition(1, 7));
        assertThat(d.positionOf("Tasks[0]")).isEqualTo(new SourcePosition(3, 5));
        assertThat(d.positionOf("Tasks[0].Name")).isEqualTo(new SourcePosition(3, 11));
        assertThat(d.positionOf("Tasks[0].Env.FOO")).isEqualTo(new SourcePosition(5, 12));
        assertThat(d.positionOf("Tasks[0].Resources.CPU")).isEqualTo(new SourcePosition(7, 12));
        assertThat(d.positionOf("Constraints[1]")).isEqualTo(new SourcePosition(10, 5));
        assertThat(d.positionOf("Constraints[0].Values[0]")).isEqualTo(new SourcePosition(9, 38));
        assertThat(d.positionOf("Tasks[0].Timeouts")).isEqualTo(new SourcePosition(3, 5));
    }

    @Test
    void decodes_an_empty_or_null_document_to_no_job() {
        assertThat(Decoding.of("# nothing\n").job()).isNull();
        assertThat(Decoding.of("~").job()).isNull();
        assertThat(Decoding.of("").errors()).isEmpty();
    }
}
