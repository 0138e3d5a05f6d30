package io.jobdrop.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/** Requested resources as strings ({@code pkg/models/resource.go}); each is omitted when empty. */
@JsonPropertyOrder({"CPU", "Memory", "Disk", "GPU"})
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class ResourcesConfig {
    @JsonProperty("CPU") public String cpu = "";
    @JsonProperty("Memory") public String memory = "";
    @JsonProperty("Disk") public String disk = "";
    @JsonProperty("GPU") public String gpu = "";

    /** Bacalhau's resource string clean-up: lower-case, every space and newline removed (tabs stay). */
    public static String normalizeQuantity(String text) {
        return GoText.toLower(GoText.orEmpty(text)).replace(" ", "").replace("\n", "");
    }

    public void normalize() {
        cpu = normalizeQuantity(cpu);
        memory = normalizeQuantity(memory);
        disk = normalizeQuantity(disk);
        gpu = normalizeQuantity(gpu);
    }

    /**
     * Bacalhau's {@code Validate()}, which reads the normalized strings (so messages show them normalized). An empty
     * value is not set and not checked. A bad GPU is reported alone; CPU, memory and disk parse failures are reported
     * together, in that order; a negative CPU is only noticed when everything parsed.
     */
    public void validate(Violations errors) {
        String cpuText = normalizeQuantity(cpu);
        String memoryText = normalizeQuantity(memory);
        String diskText = normalizeQuantity(disk);
        String gpuText = normalizeQuantity(gpu);

        if (!gpuText.isEmpty() && GpuQuantity.parseCount(gpuText).isEmpty()) {
            errors.add("GPU", "invalid GPU value: " + gpuText);
            return;
        }
        List<String[]> failures = new ArrayList<>();
        OptionalLong millis = OptionalLong.empty();
        if (!cpuText.isEmpty()) {
            millis = CpuQuantity.parseMillis(cpuText);
            if (millis.isEmpty()) {
                failures.add(new String[]{"CPU", "invalid CPU value: " + cpuText});
            }
        }
        if (!memoryText.isEmpty() && ByteQuantity.parseBytes(memoryText).isEmpty()) {
            failures.add(new String[]{"Memory", "invalid memory value: " + memoryText});
        }
        if (!diskText.isEmpty() && ByteQuantity.parseBytes(diskText).isEmpty()) {
            failures.add(new String[]{"Disk", "invalid disk value: " + diskText});
        }
        if (!failures.isEmpty()) {
            failures.forEach(f -> errors.add(f[0], f[1]));
            return;
        }
        if (millis.isPresent() && CpuQuantity.cores(millis.getAsLong()) < 0) {
            errors.add("CPU", "invalid CPU value: " + GoText.formatF6(CpuQuantity.cores(millis.getAsLong())));
        }
    }
}
