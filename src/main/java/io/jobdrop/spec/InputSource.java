package io.jobdrop.spec;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** Data mounted into a task ({@code pkg/models/input_source.go}). */
@JsonPropertyOrder({"Source", "Alias", "Target"})
public class InputSource {
    @JsonProperty("Source") public SpecConfig source;
    @JsonProperty("Alias") public String alias = "";
    @JsonProperty("Target") public String target = "";

    /** Bacalhau main's checks, joined: a target is required, the source must be a valid spec config. */
    public void validate(Violations errors) {
        if (GoText.isBlank(target)) {
            errors.add("Target", "input source is missing a target");
        }
        SpecConfig.validate(source, errors.within("Source", "invalid input source: "));
    }

    /** Without a source Bacalhau leaves the element as it is, untrimmed. */
    public void normalize() {
        if (source == null) {
            return;
        }
        source.normalize();
        alias = GoText.trimSpace(GoText.orEmpty(alias));
        target = GoText.trimSpace(GoText.orEmpty(target));
    }
}
