package io.jobdrop.spec;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** A path in the task's filesystem whose contents are published ({@code pkg/models/resultpath.go}). */
@JsonPropertyOrder({"Name", "Path"})
public class ResultPath {
    @JsonProperty("Name") public String name = "";
    @JsonProperty("Path") public String path = "";

    /**
     * Bacalhau's three checks, joined. Absolute means Go's {@code filepath.IsAbs} on Linux: starts with {@code /}, so on
     * main (validated before trimming) {@code " /out"} fails.
     */
    public void validate(Violations errors) {
        String p = GoText.orEmpty(path);
        if (GoText.isBlank(p)) {
            errors.add("Path", "missing path");
        }
        if (GoText.isBlank(name)) {
            errors.add("Name", "missing name");
        }
        if (!p.startsWith("/")) {
            errors.add("Path", "result path `" + p + "` must be absolute");
        }
    }

    public void normalize() {
        name = GoText.trimSpace(GoText.orEmpty(name));
        path = GoText.trimSpace(GoText.orEmpty(path));
    }
}
