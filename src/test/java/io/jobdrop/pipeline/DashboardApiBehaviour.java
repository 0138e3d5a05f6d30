package io.jobdrop.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobdrop.store.DeliveryState;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What the dashboard reads beyond the status API of before: unit texts, the timeline, name search, its own files. */
abstract class DashboardApiBehaviour extends PipelineTestSupport {

    @Override
    void tune(Properties p) {
        p.put("jobdrop.api.port", Integer.toString(AvailablePortFinder.getNextAvailable(18100, 18149)));
    }

    ApiClient api() {
        return new ApiClient("http://127.0.0.1:" + context.resolvePropertyPlaceholders("{{jobdrop.api.port}}"), null);
    }

    static final String BAD = """
            Name: broken
            Type: batch
            Count: -1
            Tasks:
              - Name: main
                Engine:
                  Type: docker
                  Params:
                    Image: ubuntu:24.04
            """;

    @Test
    void keeps_the_text_of_a_rejected_file_and_serves_it_by_the_id_its_list_item_carries() {
        drop("broken.yaml", BAD);
        drop("fine.yaml", job("fine"));
        assertThat(api().postYaml("/api/v1/jobs", BAD.replace("broken", "posted-broken"), "X-Jobdrop-Source",
                "ci-upload").status()).isEqualTo(400);
        await().atMost(Duration.ofSeconds(20)).until(() -> api().get("/api/v1/files").json().get("items").size() == 3);

        for (JsonNode item : api().get("/api/v1/files").json().get("items")) {
            JsonNode unit = api().get("/api/v1/files/" + item.get("id").asText()).json();
            assertThat(unit.get("name").asText()).isEqualTo(item.get("name").asText());
            assertThat(unit.get("errors")).isEqualTo(item.get("errors"));
            String name = item.get("name").asText();
            switch (name.substring(name.lastIndexOf('/') + 1)) {
                case "broken.yaml" -> assertThat(unit.get("text").asText()).isEqualTo(BAD);
                case "ci-upload" -> assertThat(unit.get("text").asText()).isEqualTo(BAD.replace("broken",
                        "posted-broken"));
                case "fine.yaml" -> assertThat(unit.get("text").isNull()).as(unit.toString()).isTrue();
                default -> throw new AssertionError("unexpected unit " + item);
            }
        }
    }

    /**
     * PostgreSQL refuses NUL in text (SQLState 22021), and UTF-16 read as UTF-8 is full of NULs: kept verbatim, such a
     * rejection failed to record, looked like a ledger outage and blocked the inbox behind that one file.
     */
    @Test
    void keeps_the_text_of_rejected_files_with_a_nul_or_in_utf16_and_goes_on_with_the_next() {
        drop("nul.yaml", ("Name: nul\u0000\n" + BAD.substring(BAD.indexOf('\n') + 1)).getBytes(StandardCharsets.UTF_8));
        byte[] utf16 = BAD.replace("broken", "wide").getBytes(StandardCharsets.UTF_16); // with its byte order mark
        drop("wide.yaml", utf16);
        drop("after.yaml", job("after"));

        awaitDelivery("after", DeliveryState.SUBMITTED);
        await().atMost(Duration.ofSeconds(20)).until(() -> filesIn(".error").size() == 4);
        assertThat(filesIn(".error")).containsExactlyInAnyOrder("nul.yaml", "nul.yaml.error.json", "wide.yaml",
                "wide.yaml.error.json");
        for (JsonNode item : api().get("/api/v1/files").json().get("items")) {
            String name = item.get("name").asText();
            JsonNode unit = api().get("/api/v1/files/" + item.get("id").asText()).json();
            switch (name.substring(name.lastIndexOf('/') + 1)) {
                case "nul.yaml" -> assertThat(unit.get("text").asText())
                        .isEqualTo("Name: nul\uFFFD\n" + BAD.substring(BAD.indexOf('\n') + 1));
                case "wide.yaml" -> assertThat(unit.get("text").asText()).isEqualTo(BAD.replace("broken", "wide"));
                case "after.yaml" -> assertThat(unit.get("text").isNull()).as(unit.toString()).isTrue();
                default -> throw new AssertionError("unexpected unit " + item);
            }
        }
    }

    @Test
    void answers_404_for_a_file_id_it_never_gave_out() {
        assertThat(api().get("/api/v1/files/bm8tc3VjaA").status()).isEqualTo(404);
        assertThat(api().get("/api/v1/files/WyJpbmJveCIsIm5vcGUiXQ").json().get("message").asText())
                .contains("no taken file");
    }

    @Test
    void counts_taken_rejected_and_forwarded_units_in_the_timeline() {
        JsonNode before = api().get("/api/v1/stats/timeline?minutes=15").json();
        assertThat(before.get("stepSeconds").asInt()).isEqualTo(30);
        assertThat(before.get("intervals")).hasSize(30);
        assertThat(sum(before, "taken")).isZero();

        drop("one.yaml", job("one"));
        drop("two.yaml", job("two"));
        drop("bad.yaml", BAD);
        awaitDelivery("one", DeliveryState.SUBMITTED);
        awaitDelivery("two", DeliveryState.SUBMITTED);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode timeline = api().get("/api/v1/stats/timeline").json();
            assertThat(sum(timeline, "taken")).isEqualTo(3);
            assertThat(sum(timeline, "accepted")).isEqualTo(2);
            assertThat(sum(timeline, "rejected")).isEqualTo(1);
            assertThat(sum(timeline, "forwarded")).isEqualTo(2);
        });
        JsonNode hour = api().get("/api/v1/stats/timeline?minutes=60").json();
        assertThat(hour.get("stepSeconds").asInt()).isEqualTo(120);
        assertThat(sum(hour, "taken")).isEqualTo(3);
        assertThat(api().get("/api/v1/stats/timeline?minutes=0").status()).isEqualTo(400);
        assertThat(api().get("/api/v1/stats/timeline?minutes=61").json().get("message").asText()).contains("minutes");
    }

    @Test
    void finds_jobs_by_a_part_of_their_name_while_name_stays_an_exact_match() {
        for (String name : List.of("etl-nightly", "ETL-weekly", "report", "a_b", "axb")) {
            assertThat(api().postYaml("/api/v1/jobs", job(name)).status()).isEqualTo(201);
        }

        assertThat(names("/api/v1/jobs?q=etl")).containsExactlyInAnyOrder("etl-nightly", "ETL-weekly");
        assertThat(names("/api/v1/jobs?q=" + URLEncoder.encode("a_b", StandardCharsets.UTF_8))).containsExactly("a_b");
        assertThat(names("/api/v1/jobs?q=%25")).isEmpty();
        assertThat(names("/api/v1/jobs?name=etl")).isEmpty();
        assertThat(names("/api/v1/jobs?name=report")).containsExactly("report");
        assertThat(names("/api/v1/jobs?q=etl&limit=1")).hasSize(1);
    }

    @Test
    void serves_the_dashboard_at_the_root_beside_the_api_and_observe() {
        ApiClient.Answer page = api().get("/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.headers().get("content-type")).containsExactly("text/html; charset=utf-8");
        assertThat(page.body()).contains("<title>jobdrop</title>").contains("dashboard.js");
        assertThat(page.headers().get("content-security-policy").get(0)).contains("default-src 'self'");
        ApiClient.Answer script = api().get("/dashboard.js");
        assertThat(script.headers().get("content-type")).containsExactly("text/javascript; charset=utf-8");
        assertThat(api().get("/dashboard.css").status()).isEqualTo(200);
        assertThat(api().get("/nothing-here.js").status()).isEqualTo(404);
        assertThat(api().get("/api/v1/stats").status()).isEqualTo(200);
        // served by Camel's health endpoint, whatever the checks say right now (200 UP, 503 DOWN)
        assertThat(api().get("/observe/health").json().has("checks")).isTrue();
    }

    private List<String> names(String path) {
        ApiClient.Answer answer = api().get(path);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        answer.json().get("items").forEach(j -> names.add(j.get("name").asText()));
        return names;
    }

    private static long sum(JsonNode timeline, String field) {
        long sum = 0;
        for (JsonNode interval : timeline.get("intervals")) {
            sum += interval.get(field).asLong();
        }
        return sum;
    }
}
