package io.jobdrop.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The double's job store: jobs by ID, with Bacalhau main's name upsert (spec §1.2 step 4.5): a known (Namespace, Name)
 * updates that job, unless the spec is unchanged and not forced. One lock: every submission is one transaction.
 */
final class NamedJobStore {

    /** What a stored submission did. */
    record Stored(String jobId, boolean created, long version) {
    }

    /** Fields a resubmission may differ in and still count as unchanged (CompareWith's ignore list). */
    private static final List<String> SERVER_FIELDS = List.of("ID", "State", "Version", "Revision", "CreateTime", "ModifyTime");
    private static final List<String> UPDATED_FIELDS = List.of("Priority", "Count", "Constraints", "Meta", "Labels", "Tasks");
    private static final Comparator<JsonNode> NUMBERS_BY_VALUE = (a, b) ->
            a.isNumber() && b.isNumber() ? a.decimalValue().compareTo(b.decimalValue()) : (a.equals(b) ? 0 : 1);

    private final Map<String, ObjectNode> byId = new LinkedHashMap<>();
    private final Map<String, String> idByName = new HashMap<>();
    private final Map<String, Integer> creations = new HashMap<>();
    private int stores;

    /** @param job normalized, sanitized, transformed and in Go's JSON shape; its Name and Namespace are set */
    synchronized Stored submit(ObjectNode job, boolean force, long nowNanos) throws RequestRejected {
        String name = DoubleJson.text(job, "Name");
        String key = key(DoubleJson.text(job, "Namespace"), name);
        String existingId = idByName.get(key);
        if (existingId != null) {
            ObjectNode existing = byId.get(existingId);
            if (!force && sameSpec(existing, job)) {
                throw new RequestRejected(ErrorBody.of(500, "no changes detected for new job spec. Job Name: '" + name
                        + "', Job Id: '" + existingId + "'", "", "Bacalhau")
                        .withHint("Use the --force flag to override this warning"));
            }
            // UpdateJob copies these and keeps the rest, Type included
            for (String field : UPDATED_FIELDS) {
                existing.set(field, job.get(field).deepCopy());
            }
            existing.put("Version", DoubleJson.number(existing, "Version") + 1);
            existing.put("Revision", DoubleJson.number(existing, "Revision") + 1);
            existing.putObject("State").put("StateType", "Pending");
            existing.put("ModifyTime", nowNanos);
            countStore();
            return new Stored(existingId, false, DoubleJson.number(existing, "Version"));
        }
        String id = DoubleJson.text(job, "ID");
        if (byId.containsKey(id)) {
            throw new RequestRejected(ErrorBody.of(409, "job already exists: " + id, "ResourceInUse", "JobStore"));
        }
        ObjectNode created = job.deepCopy();
        created.putObject("State").put("StateType", "Pending");
        created.put("Version", 1L);
        created.put("Revision", 1L);
        created.put("CreateTime", nowNanos);
        created.put("ModifyTime", nowNanos);
        byId.put(id, JobShape.encode(created));
        idByName.put(key, id);
        creations.merge(key, 1, Integer::sum);
        countStore();
        return new Stored(id, true, 1L);
    }

    /** A rerun: the same spec as a new Version and Revision (spec §19.2: "rerun version +1"). */
    synchronized long rerun(String id, long nowNanos) {
        ObjectNode existing = byId.get(id);
        existing.put("Version", DoubleJson.number(existing, "Version") + 1);
        existing.put("Revision", DoubleJson.number(existing, "Revision") + 1);
        existing.put("ModifyTime", nowNanos);
        return DoubleJson.number(existing, "Version");
    }

    /** Bacalhau main looks a name up first, then an ID, then a unique ID prefix (spec §12.1). */
    synchronized ObjectNode find(String namespace, String idOrName) throws RequestRejected {
        String byName = idByName.get(key(namespace, idOrName));
        if (byName != null) {
            return byId.get(byName).deepCopy();
        }
        if (byId.containsKey(idOrName)) {
            return byId.get(idOrName).deepCopy();
        }
        List<String> matches = byId.keySet().stream().filter(id -> !idOrName.isEmpty() && id.startsWith(idOrName)).toList();
        if (matches.size() == 1) {
            return byId.get(matches.get(0)).deepCopy();
        }
        if (matches.size() > 1) {
            throw new RequestRejected(ErrorBody.of(400, "multiple jobs found for id " + idOrName, "MultipleJobsFound", "JobStore")
                    .withHint("Use full job ID"));
        }
        throw new RequestRejected(ErrorBody.of(404, "job not found: " + idOrName, "NotFound", "JobStore"));
    }

    /** Jobs in creation order; namespace {@code *} lists all. */
    synchronized List<ObjectNode> list(String namespace) {
        List<ObjectNode> jobs = new ArrayList<>();
        for (ObjectNode job : byId.values()) {
            if ("*".equals(namespace) || namespace.equals(DoubleJson.text(job, "Namespace"))) {
                jobs.add(job.deepCopy());
            }
        }
        return jobs;
    }

    synchronized Optional<ObjectNode> byName(String namespace, String name) {
        return Optional.ofNullable(idByName.get(key(namespace, name))).map(id -> byId.get(id).deepCopy());
    }

    synchronized int createdCount(String namespace, String name) {
        return creations.getOrDefault(key(namespace, name), 0);
    }

    synchronized int stores() {
        return stores;
    }

    /** Waits without polling: every store wakes the waiters. */
    synchronized boolean awaitStores(int wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (stores < wanted) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    private void countStore() {
        stores++;
        notifyAll();
    }

    private static boolean sameSpec(ObjectNode stored, ObjectNode submitted) {
        return comparable(stored).equals(NUMBERS_BY_VALUE, comparable(submitted));
    }

    /** The job without what CompareWith ignores: server fields and reserved Meta keys. */
    private static ObjectNode comparable(ObjectNode job) {
        ObjectNode copy = job.deepCopy();
        copy.remove(SERVER_FIELDS);
        if (copy.get("Meta") instanceof ObjectNode meta) {
            List<String> reserved = new ArrayList<>();
            meta.fieldNames().forEachRemaining(k -> {
                if (k.startsWith(JobSanitizer.RESERVED_META_PREFIX)) {
                    reserved.add(k);
                }
            });
            meta.remove(reserved);
        }
        return copy;
    }

    private static String key(String namespace, String name) {
        return namespace + "\u0000" + name;
    }
}
