package io.jobdrop.ingest;

import io.jobdrop.spec.JobJson;
import io.jobdrop.spec.Task;
import io.jobdrop.spec.Fixtures;
import io.jobdrop.spec.InputSource;
import io.jobdrop.spec.Job;
import io.jobdrop.spec.SpecConfig;
import io.jobdrop.spec.Violations;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.jobdrop.spec.Fixtures.entry;
import static io.jobdrop.spec.Fixtures.map;
import static io.jobdrop.spec.Fixtures.onlyTask;
import static org.assertj.core.api.Assertions.assertThat;

/** The v1.6 to v1.7 wasm params rewrite (spec §13.2; Bacalhau's wasm_legacy_test.go). */
class LegacyWasmTransformerTest {

    private static Job wasmJob(Map<String, Object> params) {
        Job job = Fixtures.job("batch");
        onlyTask(job).engine = Fixtures.spec("wasm");
        onlyTask(job).engine.params = params;
        return job;
    }

    private static Map<String, Object> module(String url, String target) {
        Map<String, Object> module = map("Source", map("Type", "urlDownload", "Params", map("URL", url)));
        if (target != null) {
            module.put("Target", target);
        }
        return module;
    }

    private static List<Violations.Entry> transform(Job job) {
        Violations errors = Violations.collector();
        LegacyWasmTransformer.apply(job, errors);
        return errors.entries();
    }

    private static List<String> targets(Job job) {
        return onlyTask(job).inputSources.stream().map(s -> s.target).toList();
    }

    @Test
    void ignores_jobs_on_other_engines() {
        Job job = Fixtures.job("batch");
        onlyTask(job).engine.params = map("EntryModule", module("https://example.com/e.wasm", null));
        String before = JobJson.write(job);
        assertThat(transform(job)).isEmpty();
        assertThat(JobJson.write(job)).isEqualTo(before);
    }

    @Test
    void ignores_jobs_in_the_new_shape() {
        Job job = wasmJob(map("EntryModule", "/entry.wasm", "Entrypoint", "run",
                "Parameters", List.of("--arg1", "value1")));
        String before = JobJson.write(job);
        assertThat(transform(job)).isEmpty();
        assertThat(JobJson.write(job)).isEqualTo(before);
    }

    @Test
    void converts_entry_and_import_modules_with_their_targets() {
        Job job = wasmJob(map("EntryModule", module("https://example.com/entry.wasm", "/entry.wasm"),
                "EntryPoint", "run", "Parameters", List.of("--arg1", "value1"),
                "ImportModules", List.of(module("https://example.com/import.wasm", "/import.wasm"))));
        assertThat(transform(job)).isEmpty();
        Task task = onlyTask(job);
        assertThat(task.engine.params).containsExactly(
                Map.entry("EntryModule", "/entry.wasm"),
                Map.entry("Entrypoint", "run"),
                Map.entry("Parameters", List.of("--arg1", "value1")),
                Map.entry("ImportModules", List.of("/import.wasm")));
        assertThat(targets(job)).containsExactly("/entry.wasm", "/import.wasm");
        assertThat(task.inputSources.get(0).source.type).isEqualTo("urlDownload");
        assertThat(task.inputSources.get(0).source.params).containsEntry("URL", "https://example.com/entry.wasm");
        assertThat(task.inputSources.get(1).source.params).containsEntry("URL", "https://example.com/import.wasm");
    }

    @Test
    void gives_modules_default_targets() {
        Job job = wasmJob(map("EntryModule", module("https://example.com/entry.wasm", ""),
                "ImportModules", List.of(module("https://example.com/import1.wasm", null),
                        module("https://example.com/import2.wasm", null)),
                "EntryPoint", "main", "Parameters", List.of("arg1", "arg2")));
        assertThat(transform(job)).isEmpty();
        assertThat(targets(job)).containsExactly(
                "/wasm/entry.wasm", "/wasm/imports/module_0.wasm", "/wasm/imports/module_1.wasm");
        assertThat(onlyTask(job).engine.params).containsEntry("EntryModule", "/wasm/entry.wasm")
                .containsEntry("ImportModules", List.of("/wasm/imports/module_0.wasm", "/wasm/imports/module_1.wasm"))
                .containsEntry("Entrypoint", "main");
    }

    @Test
    void converts_an_entry_module_alone() {
        Job job = wasmJob(map("EntryModule", module("https://example.com/entry.wasm", "/entry.wasm"),
                "EntryPoint", "run"));
        assertThat(transform(job)).isEmpty();
        assertThat(targets(job)).containsExactly("/entry.wasm");
        assertThat(onlyTask(job).engine.params).containsEntry("ImportModules", null);
    }

    @Test
    void leaves_wasm_jobs_without_modules_alone() {
        Job empty = wasmJob(new HashMap<>());
        Job missing = wasmJob(null);
        assertThat(transform(empty)).isEmpty();
        assertThat(transform(missing)).isEmpty();
        assertThat(onlyTask(empty).inputSources).isNull();
        assertThat(onlyTask(empty).engine.params).isEmpty();
        assertThat(onlyTask(missing).engine.params).isNull();
    }

    @Test
    void rewrites_the_corpus_legacy_shape_and_drops_its_environment() {
        Job job = wasmJob(map("EntryModule", map("Alias", "", "Target", "",
                        "Source", map("Type", "inline", "Params", map("URL", "data:application/wasm;base64,AGFzbQ=="))),
                "Entrypoint", "_start", "EnvironmentVariables", null, "ImportModules", List.of(), "Parameters", null));
        job.normalize();
        assertThat(transform(job)).isEmpty();
        assertThat(targets(job)).containsExactly("/wasm/entry.wasm");
        assertThat(JobJson.mapper().valueToTree(onlyTask(job).engine).toString()).isEqualTo("{\"Type\":\"wasm\","
                + "\"Params\":{\"EntryModule\":\"/wasm/entry.wasm\",\"Entrypoint\":\"_start\",\"ImportModules\":null,"
                + "\"Parameters\":null}}");
    }

    @Test
    void matches_param_keys_ignoring_case() {
        Job job = wasmJob(map("entrymodule", map("source", map("type", "ipfs", "params", map("CID", "Qm"))),
                "ENTRYPOINT", "go"));
        assertThat(transform(job)).isEmpty();
        assertThat(targets(job)).containsExactly("/wasm/entry.wasm");
        assertThat(onlyTask(job).inputSources.get(0).source.type).isEqualTo("ipfs");
        assertThat(onlyTask(job).engine.params).containsEntry("Entrypoint", "go");
    }

    @Test
    void keeps_the_numbering_of_imports_across_null_entries() {
        Job job = wasmJob(map("ImportModules", Arrays.asList(null, module("https://example.com/i.wasm", null))));
        assertThat(transform(job)).isEmpty();
        assertThat(targets(job)).containsExactly("/wasm/imports/module_1.wasm");
        assertThat(onlyTask(job).engine.params).containsEntry("EntryModule", "");
    }

    @Test
    void reports_entry_module_without_source_and_leaves_the_job_unchanged() {
        Job job = wasmJob(map("EntryModule", map("Target", "/e.wasm")));
        String before = JobJson.write(job);
        assertThat(transform(job)).containsExactly(entry("Tasks[0].Engine.Params.EntryModule.Source",
                "invalid entry module: invalid input source: nil spec config"));
        assertThat(JobJson.write(job)).isEqualTo(before);
    }

    @Test
    void reports_invalid_import_module_by_index() {
        Map<String, Object> bad = module("https://example.com/i.wasm", null);
        bad.put("Source", map("Type", " "));
        Job job = wasmJob(map("EntryModule", module("https://example.com/e.wasm", null),
                "ImportModules", List.of(module("https://example.com/ok.wasm", null), bad)));
        assertThat(transform(job)).containsExactly(entry("Tasks[0].Engine.Params.ImportModules[1].Source.Type",
                "invalid import module 1: invalid input source: missing spec type"));
        assertThat(onlyTask(job).inputSources).isNull();
    }

    @Test
    void reports_a_blank_target_the_default_does_not_replace() {
        Job job = wasmJob(map("EntryModule", module("https://example.com/e.wasm", " ")));
        assertThat(transform(job)).containsExactly(entry("Tasks[0].Engine.Params.EntryModule.Target",
                "invalid entry module: input source is missing a target"));
    }

    @Test
    void reports_params_of_the_wrong_json_kind_like_go() {
        assertThat(transform(wasmJob(map("EntryModule", 42)))).containsExactly(entry("Tasks[0].Engine.Params",
                "json: cannot unmarshal number into Go struct field legacySpec.EntryModule of type models.InputSource"));
        assertThat(transform(wasmJob(map("EntryModule", map("Source", map("Type", true)))))).containsExactly(
                entry("Tasks[0].Engine.Params", "json: cannot unmarshal bool into Go struct field "
                        + "SpecConfig.EntryModule.Source.Type of type string"));
        assertThat(transform(wasmJob(map("ImportModules", "x")))).containsExactly(entry("Tasks[0].Engine.Params",
                "json: cannot unmarshal string into Go struct field legacySpec.ImportModules of type "
                        + "[]*models.InputSource"));
    }

    @Test
    void fails_a_new_shape_job_whose_parameters_are_not_strings_as_bacalhau_does() {
        Job job = wasmJob(map("EntryModule", "/entry.wasm", "Parameters", List.of(1, 2)));
        assertThat(transform(job)).containsExactly(entry("Tasks[0].Engine.Params",
                "json: cannot unmarshal string into Go struct field legacySpec.EntryModule of type models.InputSource"));
    }

    @Test
    void reports_a_converted_module_that_reuses_an_existing_target_as_the_store_would() {
        Job job = wasmJob(map("EntryModule", module("https://example.com/entry.wasm", "/entry.wasm")));
        onlyTask(job).inputSources = new ArrayList<>(List.of(Fixtures.input("", "/entry.wasm")));
        assertThat(transform(job)).containsExactly(entry("Tasks[0].InputSources[1].Target",
                "task main validation failed: input source with target '/entry.wasm' already exists"));
        assertThat(targets(job)).containsExactly("/entry.wasm", "/entry.wasm");
    }

    @Test
    void passes_the_stored_checks_after_conversion() {
        Job job = wasmJob(map("EntryModule", module("https://example.com/entry.wasm", null)));
        job.normalize();
        assertThat(transform(job)).isEmpty();
        assertThat(Fixtures.storedErrors(job)).isEmpty();
    }
}
