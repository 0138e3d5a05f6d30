package io.jobdrop.api;

import io.jobdrop.intake.BucketSettings;
import io.jobdrop.intake.HttpIntake;
import io.jobdrop.store.Disposition;
import io.jobdrop.store.IntakeRecord;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Where a taken unit went, as {@code /api/v1/files} reports it, worked out from its disposition and today's settings:
 * {@code inbox/.done/a.yaml}, {@code s3://b/error/x.yaml}, {@code deleted} (bucket objects with
 * {@code jobdrop.s3.after=delete}); null for an HTTP body, which went nowhere but into its answer. This is the one
 * place that knows it: once the ledger records where each unit was actually filed, this reads that instead.
 */
public final class IntakePlacement {

    private final String inbox;
    private final Map<String, BucketSettings> buckets;

    public IntakePlacement(String inbox, List<BucketSettings> buckets) {
        this.inbox = inbox.endsWith("/") ? inbox : inbox + "/";
        this.buckets = buckets.stream().collect(Collectors.toMap(BucketSettings::source, Function.identity(),
                (first, second) -> first));
    }

    String of(IntakeRecord unit) {
        boolean done = unit.disposition() == Disposition.DONE;
        if (unit.source().equals(HttpIntake.SOURCE)) {
            return null;
        }
        BucketSettings bucket = buckets.get(unit.source());
        if (bucket != null) {
            // an object's claim key is <key>|<ETag>
            int bar = unit.claimKey().lastIndexOf('|');
            String key = bar < 0 ? unit.claimKey() : unit.claimKey().substring(0, bar);
            if (done && bucket.deleteDone()) {
                return "deleted";
            }
            return bucket.display(done ? bucket.doneKey(key) : bucket.errorKey(key));
        }
        if (unit.source().startsWith("s3://")) {
            return null; // a bucket no longer configured: where it went then is not known now
        }
        return inbox + (done ? ".done/" : ".error/") + fileName(unit.name());
    }

    private static String fileName(String name) {
        int slash = name.lastIndexOf('/');
        return slash < 0 ? name : name.substring(slash + 1);
    }
}
