package io.jobdrop.intake;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class FileNamesTest {

    @Test
    void numbers_a_taken_name_before_its_extension() {
        assertThat(FileNames.numbered("job.yaml", 0)).isEqualTo("job.yaml");
        assertThat(FileNames.numbered("job.yaml", 1)).isEqualTo("job.1.yaml");
        assertThat(FileNames.numbered("job.v2.json", 12)).isEqualTo("job.v2.12.json");
        assertThat(FileNames.numbered("noextension", 3)).isEqualTo("noextension.3");
    }

    @Test
    void every_name_fits_255_bytes_even_for_a_255_byte_original() {
        String longest = "é".repeat(125) + "x.yaml"; // 250 + 6 bytes would not fit; 125 two-byte characters + 5 do
        String name = "a".repeat(250) + ".yaml";
        assertThat(bytes(name)).isEqualTo(255);

        assertThat(bytes(FileNames.numbered(name, 7))).isLessThanOrEqualTo(255);
        assertThat(FileNames.numbered(name, 7)).endsWith(".7.yaml");
        assertThat(bytes(FileNames.report(name))).isLessThanOrEqualTo(255);
        assertThat(FileNames.report(name)).endsWith(".error.json").startsWith("aaaa");
        assertThat(FileNames.report(name)).isNotEqualTo(FileNames.report("a".repeat(249) + "b.yaml"));
        assertThat(bytes(FileNames.report(longest))).isLessThanOrEqualTo(255);
        assertThat(FileNames.report(longest)).doesNotContain("\uFFFD");
    }

    @Test
    void keeps_the_plain_report_name_when_it_fits() {
        assertThat(FileNames.report("bad.yaml")).isEqualTo("bad.yaml.error.json");
        String name244 = "b".repeat(239) + ".yaml";
        assertThat(FileNames.report(name244)).isEqualTo(name244 + ".error.json");
    }

    @Test
    void escapes_line_breaks_and_control_characters_for_logs() {
        assertThat(FileNames.forLog("x.yaml\n2026-12-04 [ERROR] forged")).isEqualTo("x.yaml\\n2026-12-04 [ERROR] forged");
        assertThat(FileNames.forLog("a\rb\tc\u001bd\\e")).isEqualTo("a\\rb\\tc\\u001bd\\\\e");
    }

    private static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
