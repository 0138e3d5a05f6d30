package io.jobdrop.ingest;

import io.jobdrop.spec.Problem;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Job files written to hang the reader or fill the heap: each is rejected, promptly, with a report that names the
 * limit or Go's own words, and the line and column to look at. The timeout only guards against a hang.
 */
class HostileJobFileTest {

    static final Duration HANG_GUARD = Duration.ofSeconds(60);

    static final String JOB = """
            Name: %s
            Type: batch
            Tasks:
              - Name: main
                Engine: {Type: docker, Params: {Image: ubuntu}}
            """;

    static FileVerdict read(byte[] content, ReadLimits limits) {
        JobFileReader reader = new JobFileReader(true, Map.of(), new Stamper(Clock.systemUTC(), UUID::randomUUID),
                JobDefaults.BACALHAU, limits);
        return assertTimeoutPreemptively(HANG_GUARD, () -> reader.read("f.yaml", content));
    }

    static FileVerdict read(String text) {
        return read(text.getBytes(StandardCharsets.UTF_8), ReadLimits.DEFAULTS);
    }

    static Problem onlyError(FileVerdict verdict) {
        assertThat(verdict.accepted()).isFalse();
        assertThat(verdict.jobs()).isEmpty();
        assertThat(verdict.errors()).hasSize(1);
        return verdict.errors().get(0);
    }

    static ReadLimits limits(long fileBytes, long jobBytes, long fileJsonBytes) {
        ReadLimits d = ReadLimits.DEFAULTS;
        return new ReadLimits(fileBytes, d.documents(), d.depth(), d.elements(), d.templateOutputBytes(),
                d.templateSteps(), d.templateTokens(), jobBytes, fileJsonBytes);
    }

    @Test
    void rejects_a_template_that_ranges_over_a_huge_integer_without_spinning() {
        Problem e = onlyError(read("Name: a\nx: \"{{range 1000000000000}}{{end}}\"\n"));

        assertThat(e.message()).isEqualTo("failed to execute template: template: :2:12: executing \"\" at "
                + "<{{range 1000000000000}}{{end}}>: template execution exceeds 10000000 steps (jobdrop.limits.template-steps)");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).isEqualTo(13);
    }

    @Test
    void rejects_nested_ranges_that_would_write_gigabytes() {
        Problem e = onlyError(read("Name: a\nx: \"{{range 100000}}{{range 100000}}" + "A".repeat(100) + "{{end}}{{end}}\"\n"));

        assertThat(e.message()).startsWith("failed to execute template: template: :2:")
                .endsWith("template output exceeds 10485760 bytes (jobdrop.limits.template-output-bytes)");
        assertThat(e.line()).isEqualTo(2);
    }

    @Test
    void rejects_invalid_utf8_with_go_yamls_words_and_the_byte_offset() {
        byte[] content = bytes("Name: a\nType: caf", 0xE9, "s\n");

        Problem e = onlyError(read(content, ReadLimits.DEFAULTS));

        assertThat(e.message()).isEqualTo("converting yaml to json: yaml: invalid trailing UTF-8 octet at byte offset 18");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).isEqualTo(11);
    }

    @Test
    void names_each_kind_of_invalid_utf8_as_go_yaml_does() {
        assertThat(onlyError(read(bytes("Name: ", 0xFF), ReadLimits.DEFAULTS)).message())
                .isEqualTo("converting yaml to json: yaml: invalid leading UTF-8 octet at byte offset 6");
        assertThat(onlyError(read(bytes("Name: ", 0xE2, 0x82), ReadLimits.DEFAULTS)).message())
                .isEqualTo("converting yaml to json: yaml: incomplete UTF-8 octet sequence at byte offset 6");
        assertThat(onlyError(read(bytes("Name: ", 0xC0, 0xAF), ReadLimits.DEFAULTS)).message())
                .isEqualTo("converting yaml to json: yaml: invalid length of a UTF-8 sequence at byte offset 6");
        assertThat(onlyError(read(bytes("Name: ", 0xED, 0xA0, 0x80), ReadLimits.DEFAULTS)).message())
                .isEqualTo("converting yaml to json: yaml: invalid Unicode character at byte offset 6");
    }

    @Test
    void reads_a_file_with_a_utf16_byte_order_mark_as_utf16_as_go_yaml_does() {
        byte[] utf16 = ("\uFEFF" + JOB.formatted("wide")).getBytes(StandardCharsets.UTF_16LE);

        FileVerdict verdict = read(utf16, ReadLimits.DEFAULTS);

        assertThat(verdict.errors()).isEmpty();
        assertThat(verdict.jobs()).extracting(j -> j.job().name).containsExactly("wide");
    }

    @Test
    void reports_a_template_error_before_invalid_utf8_as_bacalhau_templates_first() {
        Problem e = onlyError(read(bytes("Name: {{.nope}}", 0xFF), ReadLimits.DEFAULTS));

        assertThat(e.message()).startsWith("failed to execute template: ");
    }

    @Test
    void rejects_more_documents_than_the_limit_at_the_first_one_too_many() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 1001; i++) {
            text.append("---\n").append(JOB.formatted("j" + i));
        }

        Problem e = onlyError(read(text.toString()));

        assertThat(e.message()).isEqualTo("file holds more than 1000 documents (jobdrop.limits.documents)");
        assertThat(e.line()).isEqualTo(1000 * 6 + 1);
        assertThat(e.column()).isEqualTo(1);
    }

    @Test
    void rejects_json_nested_deeper_than_the_limit_in_go_yamls_words() {
        String json = "{\"Name\": \"a\", \"Meta\": " + "[".repeat(600) + "]".repeat(600) + "}";

        Problem e = onlyError(read(json));

        assertThat(e.message()).isEqualTo("converting yaml to json: yaml: line 1: exceeded max depth of 500 (jobdrop.limits.depth)");
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.column()).isEqualTo(22 + 500);
    }

    static ReadLimits depth(int depth) {
        ReadLimits d = ReadLimits.DEFAULTS;
        return new ReadLimits(d.fileBytes(), d.documents(), depth, d.elements(), d.templateOutputBytes(),
                d.templateSteps(), d.templateTokens(), d.jobBytes(), d.fileJsonBytes());
    }

    static String nestedParams(int levels) {
        return JOB.formatted("deep").replace("Params: {Image: ubuntu}",
                "Params: {Image: ubuntu, X: " + "[".repeat(levels) + "]".repeat(levels) + "}");
    }

    @Test
    void accepts_nesting_just_under_the_default_depth_limit_on_an_ordinary_thread() {
        FileVerdict verdict = read(nestedParams(490));

        assertThat(verdict.errors()).isEmpty();
        assertThat(verdict.jobs()).hasSize(1);
    }

    @Test
    void rejects_nesting_that_jackson_cannot_write_when_the_depth_limit_is_raised() throws InterruptedException {
        // on a thread with a large stack, so that Jackson's limit, not the stack, is what stops it
        AtomicReference<FileVerdict> verdict = new AtomicReference<>();
        JobFileReader reader = new JobFileReader(true, Map.of(), new Stamper(Clock.systemUTC(), UUID::randomUUID),
                JobDefaults.BACALHAU, depth(1600));
        Thread deep = new Thread(null, () -> verdict.set(reader.read("f.yaml", nestedParams(1500).getBytes(StandardCharsets.UTF_8))),
                "deep", 256L << 20);
        deep.start();
        deep.join(HANG_GUARD.toMillis());
        Problem e = onlyError(verdict.get());

        assertThat(e.message()).startsWith("job cannot be written as JSON: Document nesting depth (1001) exceeds the maximum allowed")
                .endsWith("(lower jobdrop.limits.depth)");
    }

    @Test
    void rejects_nesting_that_overflows_the_stack_when_the_depth_limit_is_raised() {
        Problem e = onlyError(read(nestedParams(100_000).getBytes(StandardCharsets.UTF_8), depth(200_000)));

        assertThat(e.message()).isEqualTo("file nests too deeply for the thread's stack (jobdrop.limits.depth is 200000; lower it)");
    }

    @Test
    void rejects_a_file_of_more_elements_than_the_limit_before_composing_it() {
        Problem e = onlyError(read("Name: a\nMeta: [" + "1,".repeat(400_000) + "1]\n"));

        assertThat(e.message()).isEqualTo("file holds more than 400000 elements (jobdrop.limits.elements)");
        assertThat(e.line()).isEqualTo(2);
    }

    @Test
    void rejects_a_hundred_thousand_constraints_before_they_reach_the_ledger() {
        StringBuilder text = new StringBuilder(JOB.formatted("many")).append("Constraints:\n");
        for (int i = 0; i < 100_000; i++) {
            text.append("  - {Key: k").append(i).append(", Operator: \"=\", Values: [v]}\n");
        }

        Problem e = onlyError(read(text.toString()));

        assertThat(e.message()).isEqualTo("file holds more than 400000 elements (jobdrop.limits.elements)");
        assertThat(e.line()).isEqualTo(4 + 400_000 / 8);
    }

    @Test
    void rejects_aliases_that_multiply_a_list_past_the_element_limit() {
        String text = "Name: a\nx: &a [" + "1,".repeat(9_999) + "1]\ny: [" + "*a, ".repeat(44) + "*a]\n";

        Problem e = onlyError(read(text));

        assertThat(e.message()).isEqualTo("file expands to more than 400000 elements through its aliases (jobdrop.limits.elements)");
        assertThat(e.line()).isEqualTo(2);
    }

    @Test
    void rejects_aliases_that_multiply_a_long_string_past_the_byte_limit() {
        String text = "Name: a\nx: &a \"" + "A".repeat(1 << 20) + "\"\ny: [" + "*a, ".repeat(29) + "*a]\n";

        Problem e = onlyError(read(text));

        assertThat(e.message()).isEqualTo(
                "file's values, aliases expanded, come to more than 20971520 bytes (jobdrop.limits.file-json-bytes)");
        assertThat(e.line()).isEqualTo(2);
    }

    @Test
    void rejects_merge_keys_multiplied_by_a_template() {
        String text = "base: &b {CPU: 1}\nlist:\n{{range 100}}  - {<<: *b}\n{{end}}";

        Problem e = onlyError(read(text));

        assertThat(e.message()).isEqualTo("converting yaml to json: yaml: document contains excessive aliasing "
                + "(more than 50 aliases of mappings or sequences)");
        assertThat(e.line()).isEqualTo(53);
    }

    @Test
    void rejects_a_job_whose_json_is_larger_than_the_job_limit() {
        String text = JOB.formatted("big") + "Meta: {note: " + "x".repeat(2000) + "}\n";

        Problem e = onlyError(read(text.getBytes(StandardCharsets.UTF_8), limits(1 << 20, 1000, 1 << 20)));

        assertThat(e.message()).matches("job is \\d+ bytes of JSON, more than the limit of 1000 \\(jobdrop.limits.job-bytes\\)");
        assertThat(e.line()).isEqualTo(1);
    }

    @Test
    void rejects_a_file_whose_jobs_together_are_larger_than_the_file_limit() {
        String one = JOB.formatted("a") + "Meta: {note: " + "x".repeat(380) + "}\n";
        String text = one + "---\n" + one.replace("Name: a", "Name: b");

        Problem e = onlyError(read(text.getBytes(StandardCharsets.UTF_8), limits(1 << 20, 1 << 20, 1000)));

        assertThat(e.message()).isEqualTo("file becomes more than 1000 bytes of job JSON (jobdrop.limits.file-json-bytes)");
        assertThat(e.line()).isEqualTo(7);
    }

    @Test
    void rejects_a_file_larger_than_the_file_limit_without_reading_it() {
        Problem e = onlyError(read(JOB.formatted("a").getBytes(StandardCharsets.UTF_8), limits(10, 1 << 20, 1 << 20)));

        assertThat(e.message()).isEqualTo("file is 94 bytes, more than the limit of 10 (jobdrop.limits.file-bytes)");
    }

    @Test
    void reads_an_exponent_too_large_for_a_float_as_a_string_as_go_yaml_does() {
        // go-yaml v2 resolves a plain scalar to a float only when strconv.ParseFloat succeeds; 1e999999999 overflows
        Problem e = onlyError(read(JOB.formatted("a") + "Priority: 1e999999999\n"));

        assertThat(e.message()).isEqualTo("field: 'Priority' in 'job' is invalid type: 'string' expected: 'int'");
        assertThat(e.line()).isEqualTo(6);
    }

    @Test
    void accepts_a_long_key_and_a_megabyte_value_within_the_limits() {
        // keys stay under the 1024 characters go-yaml (and YAML) allow a plain key
        FileVerdict verdict = read(JOB.formatted("a") + "Labels: {" + "k".repeat(1000) + ": " + "v".repeat(1_000_000) + "}\n");

        assertThat(verdict.errors()).isEmpty();
    }

    private static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            if (part instanceof String s) {
                out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
            } else {
                out.write((Integer) part);
            }
        }
        return out.toByteArray();
    }
}
