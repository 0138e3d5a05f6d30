package io.jobdrop.intake.imports;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Import files and schedules: what loads, and what is reported with its file, line and column. */
class ImportFilesTest {

    @TempDir
    Path dir;

    private ImportFiles.Loaded load(String file, String text) throws Exception {
        Files.writeString(dir.resolve(file), text);
        return ImportFiles.load(dir);
    }

    @Test
    void reads_one_import_with_every_key() throws Exception {
        ImportFiles.Loaded loaded = load("nightly.yaml", """
                name: nightly-report
                schedule: 0 0 2 * * ?
                timezone: Europe/Berlin
                from: jobs/report.yaml
                vars: {team: analytics, shards: 4}
                catch-up: all
                enabled: false
                """);
        assertThat(loaded.problems()).isEmpty();
        ImportDefinition d = loaded.imports().get(0);
        assertThat(d.name()).isEqualTo("nightly-report");
        assertThat(d.schedule().cron()).isEqualTo("0 0 2 * * ?");
        assertThat(d.schedule().zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(d.vars()).isEqualTo(Map.of("team", "analytics", "shards", "4"));
        assertThat(d.catchUp()).isEqualTo(CatchUp.ALL);
        assertThat(d.enabled()).isFalse();
        assertThat(d.fromPath()).isEqualTo(dir.resolve("jobs/report.yaml"));
    }

    @Test
    void reads_a_list_and_documents_and_defaults_to_utc_catch_up_last_enabled() throws Exception {
        ImportFiles.Loaded loaded = load("many.yml", """
                - {name: a, schedule: every 10m, from: a.yaml}
                - {name: b, schedule: every 30s, from: https://example.org/jobs.yaml}
                ---
                name: c
                schedule: every 2h
                from: /srv/jobs
                """);
        assertThat(loaded.problems()).isEmpty();
        assertThat(loaded.imports()).extracting(ImportDefinition::name).containsExactly("a", "b", "c");
        ImportDefinition a = loaded.imports().get(0);
        assertThat(a.schedule().zone()).isEqualTo(ZoneOffset.UTC);
        assertThat(a.catchUp()).isEqualTo(CatchUp.LAST);
        assertThat(a.enabled()).isTrue();
        assertThat(a.schedule().cron()).isEqualTo("0 0/10 * * * ?");
        assertThat(loaded.imports().get(1).schedule().cron()).isEqualTo("0/30 * * * * ?");
        assertThat(loaded.imports().get(1).fromUrl()).isTrue();
        assertThat(loaded.imports().get(2).schedule().cron()).isEqualTo("0 0 0/2 * * ?");
        assertThat(loaded.imports().get(2).fromPath()).isEqualTo(Path.of("/srv/jobs"));
    }

    @Test
    void reports_each_bad_import_with_file_line_and_column_and_keeps_the_good_ones() throws Exception {
        Files.writeString(dir.resolve("broken.yaml"), "name: [unclosed\n");
        ImportFiles.Loaded loaded = load("mixed.yaml", """
                - name: good
                  schedule: every 1m
                  from: x.yaml
                - name: bad-schedule
                  schedule: 0 61 * * * ?
                  from: x.yaml
                - name: typo
                  schedule: every 1m
                  form: x.yaml
                - name: no-from
                  schedule: every 1m
                - name: good
                  schedule: every 5m
                  from: y.yaml
                - name: zone
                  schedule: every 1m
                  timezone: Mars/Olympus
                  from: x.yaml
                - name: bad-catch-up
                  schedule: every 1m
                  catch-up: sometimes
                  from: x.yaml
                """);
        assertThat(loaded.imports()).extracting(ImportDefinition::name).containsExactly("good");
        assertThat(loaded.problems()).extracting(Object::toString).containsExactly(
                dir.resolve("broken.yaml") + ":2:1: yaml: line 1: did not find expected ',' or ']'",
                dir.resolve("mixed.yaml") + ":5:13: schedule '0 61 * * * ?' is not a Quartz cron expression with"
                        + " seconds (e.g. '0 0 2 * * ?') or 'every <n>s|m|h': Minute and Second values must be between 0 and 59",
                dir.resolve("mixed.yaml") + ":9:3: unknown key 'form' (an import has name, schedule, timezone,"
                        + " from, vars, catch-up, enabled)",
                dir.resolve("mixed.yaml") + ":10:3: missing from",
                dir.resolve("mixed.yaml") + ":12:3: import name 'good' is declared twice",
                dir.resolve("mixed.yaml") + ":17:13: timezone 'Mars/Olympus' is not a time zone ID such as"
                        + " Europe/Berlin or UTC",
                dir.resolve("mixed.yaml") + ":21:13: catch-up must be last, none or all, got 'sometimes'");
    }

    @Test
    void refuses_intervals_that_cannot_be_aligned_to_the_clock() {
        assertThatThrownBy(() -> Schedule.parse("every 7m", ZoneOffset.UTC))
                .hasMessageContaining("every 7m cannot be aligned to the clock; use a number that divides 60");
        assertThatThrownBy(() -> Schedule.parse("every 5h", ZoneOffset.UTC)).hasMessageContaining("divides 24");
        assertThatThrownBy(() -> Schedule.parse("every day", ZoneOffset.UTC))
                .hasMessageContaining("is not 'every <n>s'");
        assertThat(Schedule.parse("every 1s", ZoneOffset.UTC).cron()).isEqualTo("* * * * * ?");
    }

    @Test
    void maps_a_whole_unit_to_the_next_one() {
        assertThat(Schedule.parse("every 60s", ZoneOffset.UTC).cron()).isEqualTo("0 * * * * ?");
        assertThat(Schedule.parse("every 60m", ZoneOffset.UTC).cron()).isEqualTo("0 0 * * * ?");
        assertThat(Schedule.parse("every 24h", ZoneOffset.UTC).cron()).isEqualTo("0 0 0 * * ?");
        assertThat(Schedule.parse("every 24h", ZoneOffset.UTC).next(Instant.parse("2026-01-01T12:03:07Z")))
                .contains(Instant.parse("2026-01-02T00:00:00Z"));
        assertThat(Schedule.parse("every 60m", ZoneOffset.UTC).next(Instant.parse("2026-01-01T12:03:07Z")))
                .contains(Instant.parse("2026-01-01T13:00:00Z"));
    }

    @Test
    void snaps_a_time_to_the_newest_fire_at_or_before_it() {
        Schedule tenMinutes = Schedule.parse("every 10m", ZoneOffset.UTC);
        assertThat(tenMinutes.latestAtOrBefore(Instant.parse("2026-01-01T12:13:07.250Z")))
                .contains(Instant.parse("2026-01-01T12:10:00Z"));
        assertThat(tenMinutes.latestAtOrBefore(Instant.parse("2026-01-01T12:10:00Z")))
                .as("a fire time is its own").contains(Instant.parse("2026-01-01T12:10:00Z"));
        assertThat(Schedule.parse("every 1s", ZoneOffset.UTC).latestAtOrBefore(Instant.parse("2026-01-01T12:13:07.9Z")))
                .contains(Instant.parse("2026-01-01T12:13:07Z"));
        assertThat(Schedule.parse("0 0 2 1 1 ?", ZoneOffset.UTC).latestAtOrBefore(Instant.parse("2026-06-01T00:00:00Z")))
                .as("yearly, months back").contains(Instant.parse("2026-01-01T02:00:00Z"));
        assertThat(Schedule.parse("0 0 2 1 1 ? 2030", ZoneOffset.UTC).latestAtOrBefore(
                Instant.parse("2026-06-01T00:00:00Z"))).as("none yet").isEmpty();
    }

    @Test
    void computes_the_next_fire_in_the_imports_time_zone() {
        Schedule nightly = Schedule.parse("0 0 2 * * ?", ZoneId.of("Europe/Berlin"));
        assertThat(nightly.next(Instant.parse("2026-07-01T12:00:00Z")))
                .contains(Instant.parse("2026-07-02T00:00:00Z")); // 02:00 CEST
        assertThat(nightly.next(Instant.parse("2026-01-01T12:00:00Z")))
                .contains(Instant.parse("2026-01-02T01:00:00Z")); // 02:00 CET
        assertThat(Schedule.parse("every 10m", ZoneOffset.UTC).next(Instant.parse("2026-01-01T12:03:07Z")))
                .contains(Instant.parse("2026-01-01T12:10:00Z"));
    }

    @Test
    void renders_the_built_in_variables_of_a_fire_in_the_imports_time_zone_over_its_vars() throws Exception {
        ImportDefinition d = load("v.yaml", """
                name: nightly
                schedule: 0 30 1 * * ?
                timezone: Asia/Tokyo
                from: x.yaml
                vars: {team: a, fire_date: overridden}
                """).imports().get(0);
        Map<String, String> vars = FireVars.of(d, Instant.parse("2026-03-01T16:30:00Z"), 7);
        assertThat(vars).containsEntry("team", "a").containsEntry("fire_date", "2026-03-02")
                .containsEntry("fire_time", "2026-03-02T01:30:00+09:00").containsEntry("fire_unix", "1772382600")
                .containsEntry("import_name", "nightly").containsEntry("run", "7");
    }
}
