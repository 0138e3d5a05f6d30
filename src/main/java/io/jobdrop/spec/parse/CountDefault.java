package io.jobdrop.spec.parse;

import io.jobdrop.spec.Job;

/**
 * Bacalhau's custom job decoder (v1.6.5+): a batch or service job whose Count is absent or null gets Count 1; an
 * explicit 0 stays. The type is compared exactly, after decoding.
 */
final class CountDefault {

    private CountDefault() {
    }

    static void apply(Job job, YamlMap decoded, boolean sortedKeys) {
        boolean given = false;
        for (YamlMap.Entry e : JsonOrder.entries(decoded, sortedKeys)) {
            if (GoField.foldEquals(e.key(), "Count")) {
                given = !JsonKind.isNull(e.value());
            }
        }
        if (!given && ("batch".equals(job.type) || "service".equals(job.type))) {
            job.count = 1;
        }
    }
}
