package io.jobdrop.intake;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BucketSettingsTest {

    private static List<BucketSettings> parse(String buckets) {
        return BucketSettings.parse(buckets, "inbox/", "done/", "error/", "move", 200);
    }

    @Test
    void reads_comma_separated_buckets_each_with_the_default_or_its_own_prefix() {
        List<BucketSettings> buckets = parse(" jobs , archive/incoming, whole/ ");

        assertThat(buckets).extracting(BucketSettings::bucket).containsExactly("jobs", "archive", "whole");
        assertThat(buckets).extracting(BucketSettings::prefix).containsExactly("inbox/", "incoming/", "");
        assertThat(buckets).extracting(BucketSettings::location)
                .containsExactly("s3://jobs/inbox/", "s3://archive/incoming/", "s3://whole/");
        assertThat(parse(" , ")).isEmpty();
        assertThat(parse("")).isEmpty();
    }

    @Test
    void keeps_the_path_below_the_intake_prefix_when_filing_an_object() {
        BucketSettings jobs = parse("jobs").get(0);

        assertThat(jobs.doneKey("inbox/team-a/x.yaml")).isEqualTo("done/team-a/x.yaml");
        assertThat(jobs.errorKey("inbox/team-a/x.yaml")).isEqualTo("error/team-a/x.yaml");
        assertThat(jobs.reportKey("inbox/team-a/x.yaml")).isEqualTo("error/team-a/x.yaml.error.json");
        assertThat(jobs.display("inbox/team-a/x.yaml")).isEqualTo("s3://jobs/inbox/team-a/x.yaml");
        assertThat(jobs.source()).isEqualTo("s3://jobs");
    }

    @Test
    void takes_job_files_below_the_prefix_in_any_case_and_nothing_else() {
        BucketSettings jobs = parse("jobs").get(0);

        assertThat(List.of("inbox/x.yaml", "inbox/a/b.YML", "inbox/c.Json")).allMatch(jobs::takes);
        assertThat(List.of("inbox/notes.txt", "inbox/x.yaml.bak", "inbox/", "inbox2/x.yaml", "other/x.yaml"))
                .noneMatch(jobs::takes);
    }

    @Test
    void never_takes_back_what_it_filed_when_watching_the_whole_bucket() {
        BucketSettings whole = parse("whole/").get(0);

        assertThat(whole.takes("x.yaml")).isTrue();
        assertThat(whole.takes("team/x.yaml")).isTrue();
        assertThat(whole.takes("done/x.yaml")).isFalse();
        assertThat(whole.takes("error/x.yaml")).isFalse();
        assertThat(whole.doneKey("team/x.yaml")).isEqualTo("done/team/x.yaml");
    }

    @Test
    void treats_prefixes_as_folders() {
        BucketSettings settings = BucketSettings.parse("jobs", "/inbox", "archive", "failed", "delete", 5).get(0);

        assertThat(settings.prefix()).isEqualTo("inbox/");
        assertThat(settings.donePrefix()).isEqualTo("archive/");
        assertThat(settings.errorPrefix()).isEqualTo("failed/");
        assertThat(settings.deleteDone()).isTrue();
        assertThat(settings.takes("inboxed/x.yaml")).isFalse();
    }

    @Test
    void refuses_settings_that_would_take_nothing_or_loop() {
        assertThatThrownBy(() -> BucketSettings.parse("jobs", "inbox/", "done/", "error/", "rename", 1))
                .hasMessage("jobdrop.s3.after must be 'move' or 'delete', not 'rename'");
        assertThatThrownBy(() -> BucketSettings.parse("jobs", "inbox/", "", "error/", "move", 1))
                .hasMessageStartingWith("jobdrop.s3.done-prefix and jobdrop.s3.error-prefix must not be empty");
        assertThatThrownBy(() -> BucketSettings.parse("jobs", "inbox/", "out/", "out", "move", 1))
                .hasMessageContaining("must differ");
        assertThatThrownBy(() -> BucketSettings.parse("jobs", "done/new/", "done/", "error/", "move", 1))
                .hasMessageContaining("lies under 'done/'");
        assertThatThrownBy(() -> parse("jobs, jobs/inbox/deeper/"))
                .hasMessageContaining("s3://jobs/inbox/ and s3://jobs/inbox/deeper/ overlap");
        assertThatThrownBy(() -> parse("jobs,jobs")).hasMessageContaining("overlap");
        assertThatThrownBy(() -> BucketSettings.parse("jobs", "inbox/", "done/", "error/", "move", 0))
                .hasMessageContaining("max-per-poll");
    }
}
