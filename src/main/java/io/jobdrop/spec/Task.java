package io.jobdrop.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** One task of a job ({@code pkg/models/task.go}). Name, Engine and Publisher are always written; the rest is omitempty. */
@JsonPropertyOrder({"Name", "Engine", "Publisher", "Env", "Meta", "InputSources", "ResultPaths", "Resources", "Network",
        "Timeouts"})
public class Task {
    @JsonProperty("Name") public String name = "";
    @JsonProperty("Engine") public SpecConfig engine;
    @JsonProperty("Publisher") public SpecConfig publisher;
    @JsonProperty("Env") @JsonInclude(JsonInclude.Include.NON_EMPTY) public Map<String, String> env;
    @JsonProperty("Meta") @JsonInclude(JsonInclude.Include.NON_EMPTY) public Map<String, String> meta;
    @JsonProperty("InputSources") @JsonInclude(JsonInclude.Include.NON_EMPTY) public List<InputSource> inputSources;
    @JsonProperty("ResultPaths") @JsonInclude(JsonInclude.Include.NON_EMPTY) public List<ResultPath> resultPaths;
    @JsonProperty("Resources") @JsonInclude(JsonInclude.Include.NON_NULL) public ResourcesConfig resources;
    @JsonProperty("Network") @JsonInclude(JsonInclude.Include.NON_NULL) public NetworkConfig network;
    @JsonProperty("Timeouts") @JsonInclude(JsonInclude.Include.NON_NULL) public TimeoutConfig timeouts;

    /**
     * Bacalhau main's {@code Task.ValidateSubmission()} on the raw task, in its order. {@code errors} is the task's own
     * view (path {@code Tasks[i]}, prefix {@code task <name> validation failed: }). Missing optional parts (resources,
     * network, timeouts) are not checked: on main they are filled in by normalization, after this check.
     */
    public void validateSubmission(Violations errors) {
        if (GoText.isBlank(name)) {
            errors.add("Name", "missing task name");
        }
        if (GoText.containsNull(GoText.orEmpty(name))) {
            errors.add("Name", "task name cannot contain null characters");
        }
        EnvVarRules.validate(env, errors.within("Env", ""));
        SpecConfig.validate(engine, errors.within("Engine", "invalid engine: "));
        if (timeouts != null) {
            timeouts.validateSubmission(errors.within("Timeouts", "invalid timeouts: "));
        }
        if (resources != null) {
            resources.validate(errors.within("Resources", "invalid resources: "));
        }
        validateFirstInputSource(errors);
        validateFirstResultPath(errors);
        reportFirstDuplicateInput(errors);
        reportFirstDuplicateResult(errors);
        if (network != null) {
            network.validate(errors.within("Network", "invalid network: "));
        }
    }

    /**
     * What the store-time {@code Task.Validate()} adds, after defaults: a publisher for results, the timeout budget.
     * Bacalhau's Validate repeats the submission checks first; those are not repeated here.
     */
    public void validateStored(Violations errors) {
        if (resultPaths != null && !resultPaths.isEmpty() && (publisher == null || publisher.isEmpty())) {
            errors.add("Publisher", "publisher must be set if result paths are set");
        }
        Violations timeoutErrors = errors.within("Timeouts", "task timeouts validation failed: ");
        if (timeouts == null) {
            timeoutErrors.add("", "missing timeout config");
        } else {
            timeouts.validateBudget(timeoutErrors);
        }
    }

    /** Bacalhau's {@code Task.Normalize()}: nil parts become empty ones (the network becomes Default), then trims. */
    public void normalize() {
        if (meta == null) {
            meta = new LinkedHashMap<>();
        }
        if (env == null) {
            env = new LinkedHashMap<>();
        }
        if (inputSources == null) {
            inputSources = new ArrayList<>();
        }
        if (resultPaths == null) {
            resultPaths = new ArrayList<>();
        }
        if (resources == null) {
            resources = new ResourcesConfig();
        }
        if (publisher == null) {
            publisher = new SpecConfig();
        }
        if (network == null) {
            network = new NetworkConfig();
        }
        if (timeouts == null) {
            timeouts = new TimeoutConfig();
        }
        if (engine != null) {
            engine.normalize();
        }
        publisher.normalize();
        resources.normalize();
        inputSources.stream().filter(s -> s != null).forEach(InputSource::normalize);
        resultPaths.stream().filter(r -> r != null).forEach(ResultPath::normalize);
        network.normalize();
    }

    /** Only the first failing input source is reported, like Bacalhau's {@code ValidateSlice}. */
    private void validateFirstInputSource(Violations errors) {
        if (inputSources == null) {
            return;
        }
        for (int i = 0; i < inputSources.size(); i++) {
            InputSource source = inputSources.get(i);
            Violations at = errors.within("InputSources[" + i + "]", "invalid input sources: ");
            if (source == null) {
                // Bacalhau lets a null element through and then crashes normalizing it (HTTP 500)
                at.add("", "input source is null");
                return;
            }
            Violations found = Violations.collector();
            source.validate(found);
            if (!found.isEmpty()) {
                found.entries().forEach(e -> at.add(e.path(), e.message()));
                return;
            }
        }
    }

    private void validateFirstResultPath(Violations errors) {
        if (resultPaths == null) {
            return;
        }
        for (int i = 0; i < resultPaths.size(); i++) {
            ResultPath result = resultPaths.get(i);
            Violations at = errors.within("ResultPaths[" + i + "]", "invalid output: ");
            if (result == null) {
                at.add("", "path is nil");
                return;
            }
            Violations found = Violations.collector();
            result.validate(found);
            if (!found.isEmpty()) {
                found.entries().forEach(e -> at.add(e.path(), e.message()));
                return;
            }
        }
    }

    private void reportFirstDuplicateInput(Violations errors) {
        firstDuplicateInput(inputSources).ifPresent(e -> errors.add(e.path(), e.message()));
    }

    /**
     * The first repeated alias or target (relative path and message); per element the alias is looked at first. Empty
     * values never clash, and values are compared as they stand (on main, before trimming).
     */
    public static Optional<Violations.Entry> firstDuplicateInput(List<InputSource> sources) {
        if (sources == null) {
            return Optional.empty();
        }
        Set<String> aliases = new HashSet<>();
        Set<String> targets = new HashSet<>();
        for (int i = 0; i < sources.size(); i++) {
            InputSource source = sources.get(i);
            if (source == null) {
                continue;
            }
            String alias = GoText.orEmpty(source.alias);
            String target = GoText.orEmpty(source.target);
            if (!alias.isEmpty() && !aliases.add(alias)) {
                return Optional.of(new Violations.Entry("InputSources[" + i + "].Alias",
                        "input source with alias '" + alias + "' already exists"));
            }
            if (!target.isEmpty() && !targets.add(target)) {
                return Optional.of(new Violations.Entry("InputSources[" + i + "].Target",
                        "input source with target '" + target + "' already exists"));
            }
        }
        return Optional.empty();
    }

    private void reportFirstDuplicateResult(Violations errors) {
        if (resultPaths == null) {
            return;
        }
        Set<String> names = new HashSet<>();
        Set<String> paths = new HashSet<>();
        for (int i = 0; i < resultPaths.size(); i++) {
            ResultPath result = resultPaths.get(i);
            if (result == null) {
                continue;
            }
            String resultName = GoText.orEmpty(result.name);
            String resultPath = GoText.orEmpty(result.path);
            if (!resultName.isEmpty() && !names.add(resultName)) {
                errors.add("ResultPaths[" + i + "].Name", "result path with name '" + resultName + "' already exists");
                return;
            }
            if (!resultPath.isEmpty() && !paths.add(resultPath)) {
                errors.add("ResultPaths[" + i + "].Path", "result path '" + resultPath + "' already exists");
                return;
            }
        }
    }
}
