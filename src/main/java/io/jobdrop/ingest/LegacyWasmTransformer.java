package io.jobdrop.ingest;

import io.jobdrop.spec.GoText;
import io.jobdrop.spec.InputSource;
import io.jobdrop.spec.Job;
import io.jobdrop.spec.Task;
import io.jobdrop.spec.Violations;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Bacalhau main's LegacyWasmModuleTransformer ({@code pkg/orchestrator/transformer/wasm_legacy.go}): a wasm job in the
 * v1.6 shape, whose {@code EntryModule} and {@code ImportModules} are input sources, is rewritten into the v1.7+ shape.
 * The modules join the task's InputSources (targets default to {@code /wasm/entry.wasm} and
 * {@code /wasm/imports/module_<i>.wasm}) and the engine params name their targets. Environment variables of the
 * legacy shape are dropped, as Bacalhau drops them.
 *
 * <p>Where Bacalhau's transformer fails (an HTTP 500 for the client), the job is left unchanged and the error is added
 * to {@code errors} under {@code Tasks[0].Engine.Params}, with Bacalhau's own error text. The store-time check that
 * follows in Bacalhau (a converted module whose target another input source already uses) is reported here too, with
 * the store's {@code task <name> validation failed: } prefix, because only this step can tell which sources are new.
 */
public final class LegacyWasmTransformer {

    static final String DEFAULT_ENTRY_TARGET = "/wasm/entry.wasm";
    static final String IMPORTS_FOLDER = "/wasm/imports";

    private LegacyWasmTransformer() {
    }

    /** Converts the job's first task when it is a legacy wasm task; any other job is left alone. */
    public static void apply(Job job, Violations errors) {
        if (job.tasks == null || job.tasks.isEmpty() || job.tasks.get(0) == null) {
            return;
        }
        Task task = job.tasks.get(0);
        if (task.engine == null || !task.engine.isType("wasm") || isNewShape(task.engine.params)) {
            return;
        }
        Violations at = errors.within("Tasks[0].Engine.Params", "");
        LegacyWasmParams legacy;
        try {
            legacy = LegacyWasmParams.decodeLegacy(task.engine.params);
        } catch (LegacyWasmParams.DecodeException e) {
            at.add("", e.getMessage());
            return;
        }
        if (legacy.entryModule == null && (legacy.importModules == null || legacy.importModules.isEmpty())) {
            return;
        }
        List<InputSource> added = new ArrayList<>();
        String entryTarget = "";
        if (legacy.entryModule != null) {
            if (legacy.entryModule.target.isEmpty()) {
                legacy.entryModule.target = DEFAULT_ENTRY_TARGET;
            }
            if (!isValid(legacy.entryModule, at.within("EntryModule", "invalid entry module: "))) {
                return;
            }
            added.add(legacy.entryModule);
            entryTarget = legacy.entryModule.target;
        }
        List<Object> importTargets = null;
        if (legacy.importModules != null) {
            for (int i = 0; i < legacy.importModules.size(); i++) {
                InputSource module = legacy.importModules.get(i);
                if (module == null) {
                    continue;
                }
                if (module.target.isEmpty()) {
                    module.target = IMPORTS_FOLDER + "/module_" + i + ".wasm";
                }
                if (!isValid(module, at.within("ImportModules[" + i + "]", "invalid import module " + i + ": "))) {
                    return;
                }
                added.add(module);
                importTargets = importTargets == null ? new ArrayList<>() : importTargets;
                importTargets.add(module.target);
            }
        }
        int existing = task.inputSources == null ? 0 : task.inputSources.size();
        if (task.inputSources == null) {
            task.inputSources = new ArrayList<>();
        }
        task.inputSources.addAll(added);
        task.engine.params = newShapeParams(entryTarget, legacy, importTargets);
        reportClashWithExistingSource(task, existing, errors);
    }

    /** Bacalhau leaves a job alone when its params decode into the new shape with an entry module. */
    private static boolean isNewShape(Map<String, Object> params) {
        try {
            return !LegacyWasmParams.decodeNewShape(params).entryModule.isEmpty();
        } catch (LegacyWasmParams.DecodeException notNewShape) {
            return false;
        }
    }

    private static boolean isValid(InputSource module, Violations errors) {
        Violations found = Violations.collector();
        module.validate(found);
        found.entries().forEach(e -> errors.add(e.path(), e.message()));
        return found.isEmpty();
    }

    /** The new shape as Bacalhau writes it ({@code EngineSpec.ToMap()}): every key present, empty ones included. */
    private static Map<String, Object> newShapeParams(String entryTarget, LegacyWasmParams legacy,
                                                      List<Object> importTargets) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("EntryModule", entryTarget);
        params.put("Entrypoint", legacy.entryPoint);
        params.put("Parameters", legacy.parameters);
        params.put("ImportModules", importTargets);
        return params;
    }

    /** The job store normalizes (trims) the sources and then rejects a repeated alias or target. */
    private static void reportClashWithExistingSource(Task task, int existing, Violations errors) {
        List<InputSource> asStored = new ArrayList<>();
        for (InputSource source : task.inputSources) {
            if (source == null || source.source == null) {
                asStored.add(source);
                continue;
            }
            InputSource trimmed = new InputSource();
            trimmed.alias = GoText.trimSpace(GoText.orEmpty(source.alias));
            trimmed.target = GoText.trimSpace(GoText.orEmpty(source.target));
            asStored.add(trimmed);
        }
        Optional<Violations.Entry> clash = Task.firstDuplicateInput(asStored);
        clash.filter(e -> indexOf(e.path()) >= existing).ifPresent(e -> errors.within("Tasks[0]",
                "task " + GoText.orEmpty(task.name) + " validation failed: ").add(e.path(), e.message()));
    }

    private static int indexOf(String inputSourcePath) {
        int open = inputSourcePath.indexOf('[');
        return Integer.parseInt(inputSourcePath.substring(open + 1, inputSourcePath.indexOf(']', open)));
    }
}
