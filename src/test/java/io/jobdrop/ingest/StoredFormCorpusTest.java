package io.jobdrop.ingest;

import io.jobdrop.spec.Job;
import io.jobdrop.spec.JobJson;
import io.jobdrop.spec.JobStateType;
import io.jobdrop.spec.Task;
import io.jobdrop.testing.NeedsCorpus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each accepted corpus job is what a Bacalhau main orchestrator stores for a new job (spec §5, §12): defaults,
 * Count per type, empty collections, Network Default, stamps — apart from the ID and the times.
 */
@NeedsCorpus
class StoredFormCorpusTest {

    static Stream<String> acceptedFiles() {
        return CorpusExpectations.rows().stream()
                .filter(r -> r.verdict().equals("accepted") || r.verdictWithVars().equals("accepted"))
                .map(CorpusExpectations.Row::file);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("acceptedFiles")
    void stores_each_accepted_job_as_the_orchestrator_would(String file) {
        FileVerdict verdict = JobFileReaderCorpusTest.reader(CorpusExpectations.headerVars())
                .read(file, CorpusExpectations.content(file));
        assertThat(verdict.jobs()).hasSize(1);
        Job job = verdict.jobs().get(0).job();

        assertThat(job.id).matches("j-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(job.name).isNotBlank();
        assertThat(job.namespace).isNotBlank();
        assertThat(job.state.stateType).isEqualTo(JobStateType.PENDING);
        assertThat(job.version).isEqualTo(1);
        assertThat(job.revision).isEqualTo(1);
        assertThat(job.createTime).isEqualTo(job.modifyTime).isEqualTo(1_767_225_600_000_000_000L);
        assertThat(job.constraints).isNotNull();
        assertThat(job.meta).isNotNull();
        assertThat(job.meta.keySet()).noneMatch(k -> k.startsWith("bacalhau.org/"));
        assertThat(job.labels).isNotNull();
        if (job.runsOnAllNodes()) {
            assertThat(job.count).as("daemon and ops run on every node").isZero();
        } else {
            assertThat(job.count).isGreaterThanOrEqualTo(0);
        }
        assertThat(job.tasks).hasSize(1);
        Task task = job.tasks.get(0);
        assertThat(task.resources.cpu).isNotEmpty().isEqualTo(task.resources.cpu.toLowerCase().replace(" ", ""));
        assertThat(task.resources.memory).isNotEmpty().isEqualTo(task.resources.memory.toLowerCase().replace(" ", ""));
        assertThat(task.network).isNotNull();
        assertThat(task.timeouts).isNotNull();
        assertThat(task.publisher).isNotNull();
        assertThat(task.env).isNotNull();
        assertThat(task.inputSources).isNotNull();
        assertThat(task.resultPaths).isNotNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("acceptedFiles")
    void forwards_the_submission_without_server_fields_and_without_orchestrator_defaults(String file) throws Exception {
        AcceptedJob accepted = JobFileReaderCorpusTest.reader(CorpusExpectations.headerVars())
                .read(file, CorpusExpectations.content(file)).jobs().get(0);
        var spec = JobJson.mapper().readTree(accepted.specJson());

        assertThat(spec.has("ID") || spec.has("State") || spec.has("Version") || spec.has("CreateTime")).isFalse();
        assertThat(spec.get("Name").asText()).isEqualTo(accepted.job().name);
        assertThat(spec.get("Namespace").asText()).isEqualTo(accepted.job().namespace);
    }

    @org.junit.jupiter.api.Test
    void fills_in_the_documented_defaults_for_a_minimal_batch_job() throws Exception {
        String minimal = "Type: batch\nTasks:\n  - Name: main\n    Engine: {Type: docker, Params: {Image: busybox}}\n";
        Job job = JobFileReaderCorpusTest.reader(Map.of()).read("m.yaml", minimal.getBytes()).jobs().get(0).job();
        var json = JobJson.mapper().readTree(JobJson.write(job));

        assertThat(json.get("Name").asText()).isEqualTo(job.id);
        assertThat(json.get("Namespace").asText()).isEqualTo("default");
        assertThat(json.get("Count").asInt()).isEqualTo(1);
        assertThat(json.at("/Tasks/0/Resources").toString()).isEqualTo("{\"CPU\":\"500m\",\"Memory\":\"512mb\"}");
        assertThat(json.at("/Tasks/0/Network").toString()).isEqualTo("{\"Type\":\"Default\"}");
        assertThat(json.at("/Tasks/0/Publisher").toString()).isEqualTo("{\"Type\":\"\"}");
        assertThat(json.at("/Tasks/0/Timeouts").toString()).isEqualTo("{}");
        assertThat(json.get("State").toString()).isEqualTo("{\"StateType\":\"Pending\"}");
        assertThat(json.get("Constraints").toString()).isEqualTo("[]");
        assertThat(json.get("Meta").toString()).isEqualTo("{}");
        assertThat(json.get("Labels").toString()).isEqualTo("{}");
    }
}
