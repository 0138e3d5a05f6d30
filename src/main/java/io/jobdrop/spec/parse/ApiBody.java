package io.jobdrop.spec.parse;

import java.util.List;

/**
 * The body of {@code PUT /api/v1/orchestrator/jobs} ({@code {"Job": {...}, "Force": ...}}), which people also save
 * as files (the API docs show it, and a {@code GET /jobs/{id}} answer has the same shape). The CLI would reject it as
 * {@code unknown field: 'Job' in 'Job'}; jobdrop takes the job inside, as the server would.
 */
final class ApiBody {

    private static final List<String> REQUEST_FIELDS = List.of("Job", "Force", "Namespace", "IdempotencyToken", "Credential");

    private ApiBody() {
    }

    /** A mapping with a {@code Job} key and nothing but request fields (names matched as encoding/json does). */
    static boolean is(YamlMap root) {
        boolean hasJob = false;
        for (YamlMap.Entry e : root.entries()) {
            if (REQUEST_FIELDS.stream().noneMatch(name -> GoField.foldEquals(e.key(), name))) {
                return false;
            }
            hasJob |= isJobKey(e.key());
        }
        return hasJob;
    }

    static boolean isJobKey(String key) {
        return GoField.foldEquals(key, "Job");
    }
}
