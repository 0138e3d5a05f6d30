package io.jobdrop.spec;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;
import java.util.Map;

/**
 * A Bacalhau job, field for field as {@code pkg/models/job.go} serialises it. Every field is always written (Go has no
 * omitempty here); {@code null} stands for Go's nil until {@link #normalize()} fills it.
 */
@JsonPropertyOrder({"ID", "Name", "Namespace", "Type", "Priority", "Count", "Constraints", "Meta", "Labels", "Tasks",
        "State", "Version", "Revision", "CreateTime", "ModifyTime"})
public class Job {
    @JsonProperty("ID") public String id = "";
    @JsonProperty("Name") public String name = "";
    @JsonProperty("Namespace") public String namespace = "";
    @JsonProperty("Type") public String type = "";
    @JsonProperty("Priority") public long priority;
    @JsonProperty("Count") public long count;
    @JsonProperty("Constraints") public List<LabelSelectorRequirement> constraints;
    @JsonProperty("Meta") public Map<String, String> meta;
    @JsonProperty("Labels") public Map<String, String> labels;
    @JsonProperty("Tasks") public List<Task> tasks;
    @JsonProperty("State") public JobState state = new JobState();
    @JsonProperty("Version") public long version;
    @JsonProperty("Revision") public long revision;
    @JsonProperty("CreateTime") public long createTime;
    @JsonProperty("ModifyTime") public long modifyTime;
}
