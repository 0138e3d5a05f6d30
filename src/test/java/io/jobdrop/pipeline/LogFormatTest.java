package io.jobdrop.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobdrop.spec.JobJson;
import io.jobdrop.testing.BacalhauDouble;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** `jobdrop run` logs text lines by default and one JSON object per line with jobdrop.log.format=json. */
class LogFormatTest {

    @TempDir
    Path work;

    private final BacalhauDouble orchestrator = BacalhauDouble.started();

    @AfterEach
    void stopOrchestrator() {
        orchestrator.close();
    }

    @Test
    void writes_one_json_object_per_line_with_the_job_as_fields_when_asked() throws Exception {
        String log = runOneJob("json-logged", Map.of("JOBDROP_LOG_FORMAT", "json"));

        List<JsonNode> lines = log.lines().filter(l -> !l.isBlank()).map(LogFormatTest::json).toList();
        JsonNode recorded = lines.stream().filter(l -> l.path("loggerName").asText().equals("jobdrop.intake"))
                .filter(l -> l.path("formattedMessage").asText().contains("json-logged"))
                .findFirst().orElseThrow(() -> new AssertionError("no intake line in\n" + log));
        assertThat(recorded.get("level").asText()).isEqualTo("INFO");
        assertThat(recorded.get("formattedMessage").asText()).contains("json-logged").contains("created as version 1");
        assertThat(fields(recorded).get("file")).endsWith("inbox/json-logged.yaml");
        assertThat(fields(recorded)).containsEntry("name", "json-logged")
                .containsEntry("version", "1").containsKey("jobId");
        JsonNode forwarded = lines.stream().filter(l -> l.path("loggerName").asText().equals("jobdrop.forward"))
                .findFirst().orElseThrow(() -> new AssertionError("no forward line in\n" + log));
        assertThat(fields(forwarded)).containsEntry("name", "json-logged").containsEntry("jobId",
                fields(recorded).get("jobId"));
        assertThat(recorded.path("mdc").path("camel.routeId").asText()).isEqualTo("inbox-intake");
        assertThat(forwarded.path("mdc").path("camel.routeId").asText()).isEqualTo("forward-one");
    }

    @Test
    void writes_text_lines_by_default() throws Exception {
        String log = runOneJob("text-logged", Map.of());

        assertThat(log.lines()).anySatisfy(line -> assertThat(line).matches(
                "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z \\[INFO] intake - .*inbox/text-logged\\.yaml: job j-\\S+"
                        + " \\(default/text-logged\\) created as version 1"));
        assertThat(log).doesNotContain("{\"");
    }

    private String runOneJob(String name, Map<String, String> environment) throws Exception {
        Path inbox = Files.createDirectories(work.resolve("inbox"));
        int port = AvailablePortFinder.getNextAvailable(18700, 18999);
        Map<String, String> env = new HashMap<>(environment);
        env.put("JOBDROP_INBOX_STABLE_MS", "0");
        Path logFile = work.resolve("jobdrop.log");
        try (JobdropProcess jobdrop = new JobdropProcess(List.of("--inbox", inbox.toString(), "--db",
                "jdbc:h2:file:" + work.resolve("ledger").toAbsolutePath(), "--orchestrator", orchestrator.url()), env,
                logFile, port)) {
            jobdrop.start();
            Files.writeString(inbox.resolve("." + name + ".part"), PipelineTestSupport.job(name));
            Files.move(inbox.resolve("." + name + ".part"), inbox.resolve(name + ".yaml"));
            await().atMost(Duration.ofSeconds(60)).until(() -> orchestrator.createdCount(name) == 1
                    && jobdrop.logText().contains("forwarded"));
            assertThat(jobdrop.terminate()).isZero();
            return jobdrop.logText();
        }
    }

    private static JsonNode json(String line) {
        try {
            return JobJson.mapper().readTree(line);
        } catch (IOException e) {
            throw new AssertionError("not one JSON object per line: " + line, e);
        }
    }

    /** The key-value pairs of a JSON log line: {@code "kvpList":[{"k":"v"},…]}. */
    private static Map<String, String> fields(JsonNode line) {
        Map<String, String> fields = new HashMap<>();
        line.path("kvpList").forEach(pair -> pair.fields().forEachRemaining(f -> fields.put(f.getKey(),
                f.getValue().asText())));
        return fields;
    }
}
