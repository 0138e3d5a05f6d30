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
 * Where a taken unit went, as {@code /api/v1/files} reports it: for an inbox file, where the ledger recorded it was
 * filed ({@code inbox/.done/a.1.yaml}, with any collision suffix); for a bucket object, worked out from its
 * disposition and today's settings ({@code s3://b/error/x.yaml}, or {@code deleted} with
 * {@code jobdrop.s3.after=delete}); null for an HTTP body, which went nowhere but into its answer, and for an inbox
 * file not filed yet.
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
        return unit.placedAs() == null ? null : inbox + unit.placedAs();
    }
}
