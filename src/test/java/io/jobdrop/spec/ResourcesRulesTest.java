package io.jobdrop.spec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static io.jobdrop.spec.Fixtures.entry;
import static io.jobdrop.spec.Fixtures.resources;
import static org.assertj.core.api.Assertions.assertThat;

/** Resource strings (spec §7): k8sresource CPU, go-humanize bytes, unsigned GPU, and how errors combine. */
class ResourcesRulesTest {

    private static List<Violations.Entry> errorsOf(ResourcesConfig r) {
        Violations errors = Violations.collector();
        r.validate(errors);
        return errors.entries();
    }

    @ParameterizedTest
    @CsvSource({"500m, 500", "0.5, 500", "250m, 250", "1, 1000", "1.0, 1000", "1500m, 1500", "0.0001, 0",
            "1.005, 1004", "+2, 2000", "1e3, 1000000", "1_000, 1000000", "0x1p4, 16000", "-500m, -500", "-1, -1000",
            "-0.0001, 0", "+5m, 5"})
    void reads_cpu_as_millicores_truncated_toward_zero(String text, long millis) {
        assertThat(CpuQuantity.parseMillis(text)).hasValue(millis);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.5m", "0x10", "2cpu", "m", "", "1__0", "_1", "1_", "1e", "0x1", "1500x", "1_000m",
            "1e400", "infinity!", "+nan", "١", "1 "})
    void refuses_cpu_texts_go_refuses(String text) {
        assertThat(CpuQuantity.parseMillis(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"inf", "-inf", "infinity", "nan", "NaN", "1e300"})
    void turns_infinite_and_huge_cpu_into_the_amd64_minimum(String text) {
        assertThat(CpuQuantity.parseMillis(text)).hasValue(Long.MIN_VALUE);
    }

    @Test
    void rejects_infinite_cpu_as_a_negative_value() {
        assertThat(errorsOf(resources("inf", "", "", ""))).containsExactly(
                entry("CPU", "invalid CPU value: -9223372036854776.000000"));
    }

    @ParameterizedTest
    @CsvSource({"512Mb, 512000000", "512MB, 512000000", "1 GB, 1000000000", "1.5Gb, 1500000000", "'1,000kb', 1000000",
            "512Mi, 536870912", "512MiB, 536870912", "2GiB, 2147483648", "1Gi, 1073741824", "1e, 1000000000000000000",
            "42, 42", "42MB, 42000000", "42mb, 42000000", "42MiB, 44040192", "42mib, 44040192", "0.5k, 500",
            "1.0009k, 1000", "7b, 7", "1gb\t, 1000000000", "5.5, 5"})
    void reads_bytes_like_go_humanize(String text, long bytes) {
        assertThat(ByteQuantity.parseBytes(text)).hasValue(bytes);
    }

    @Test
    void reads_byte_counts_above_the_signed_range_as_unsigned() {
        assertThat(ByteQuantity.parseBytes("15eb").stream().mapToObj(Long::toUnsignedString))
                .containsExactly("15000000000000000000");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e3", "-1Gb", "20EB", "1 gigabyte", "gb", "", ".", "1.2.3", "1٣", "1 zb", "18.5eb"})
    void refuses_byte_texts_go_humanize_refuses(String text) {
        assertThat(ByteQuantity.parseBytes(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"0, 0", "2, 2", "007, 7", "18446744073709551615, -1"})
    void reads_gpu_as_unsigned_integer(String text, long count) {
        assertThat(GpuQuantity.parseCount(text)).hasValue(count);
    }

    @ParameterizedTest
    @ValueSource(strings = {"+1", "-1", "1.0", "two", "18446744073709551616", "", "١"})
    void refuses_gpu_texts_go_refuses(String text) {
        assertThat(GpuQuantity.parseCount(text)).isEmpty();
    }

    @Test
    void accepts_empty_resources() {
        assertThat(errorsOf(new ResourcesConfig())).isEmpty();
    }

    @Test
    void accepts_padded_mixed_case_values_by_reading_them_normalized() {
        assertThat(errorsOf(resources(" 250M ", "1 GiB", "1,000kb", "2"))).isEmpty();
    }

    @Test
    void shows_the_normalized_text_in_cpu_errors() {
        assertThat(errorsOf(resources("2 CPU", "", "", ""))).containsExactly(entry("CPU", "invalid CPU value: 2cpu"));
    }

    @Test
    void rejects_negative_cpu_with_cores_printed_like_go() {
        assertThat(errorsOf(resources("-500m", "", "", ""))).containsExactly(
                entry("CPU", "invalid CPU value: -0.500000"));
    }

    @Test
    void accepts_tiny_cpu_that_truncates_to_zero() {
        assertThat(errorsOf(resources("0.0001", "", "", ""))).isEmpty();
    }

    @Test
    void reports_cpu_memory_and_disk_failures_together_in_order() {
        assertThat(errorsOf(resources("1.5m", "-1Gb", "1e3", ""))).containsExactly(
                entry("CPU", "invalid CPU value: 1.5m"),
                entry("Memory", "invalid memory value: -1gb"),
                entry("Disk", "invalid disk value: 1e3"));
    }

    @Test
    void reports_a_bad_gpu_alone() {
        assertThat(errorsOf(resources("1.5m", "-1Gb", "1e3", "one"))).containsExactly(
                entry("GPU", "invalid GPU value: one"));
    }

    @Test
    void reports_gpu_two_alone_when_cpu_is_also_bad() {
        assertThat(errorsOf(resources("1.5m", "", "", "two"))).containsExactly(entry("GPU", "invalid GPU value: two"));
    }

    @Test
    void drops_negative_cpu_when_another_value_fails_to_parse() {
        assertThat(errorsOf(resources("-1", "lots", "", ""))).containsExactly(
                entry("Memory", "invalid memory value: lots"));
    }

    @Test
    void keeps_tabs_in_values_and_messages() {
        assertThat(errorsOf(resources("\t1", "", "", ""))).containsExactly(entry("CPU", "invalid CPU value: \t1"));
    }

    @Test
    void normalizes_by_lower_casing_and_removing_spaces_and_newlines_only() {
        ResourcesConfig r = resources(" 250M ", "1 GiB\n", "1,000 KB", "\t2");
        r.normalize();
        assertThat(List.of(r.cpu, r.memory, r.disk, r.gpu)).containsExactly("250m", "1gib", "1,000kb", "\t2");
    }

    @Test
    void writes_only_the_set_values() {
        assertThat(JobJson.mapper().valueToTree(resources("500m", "", "", "1")).toString())
                .isEqualTo("{\"CPU\":\"500m\",\"GPU\":\"1\"}");
    }
}
