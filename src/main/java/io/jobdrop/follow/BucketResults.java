package io.jobdrop.follow;

import io.jobdrop.intake.BucketSettings;
import io.jobdrop.store.UnitResult;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Writes a bucket object's result as {@code <done prefix>/<key>.result.json} in its bucket (beside where the object
 * was moved; written also when accepted objects are deleted), replacing what is there: a result under that key is
 * either this one written before (by another instance, or before a crash; S3 writes a key whole, so writing it again
 * changes nothing) or that of an earlier version of the object, which the newer version's move replaced in the done
 * prefix too. One PUT a result, no HEAD before it.
 */
public final class BucketResults {

    private final S3Client client;
    private final Map<String, BucketSettings> buckets;

    public BucketResults(S3Client client, List<BucketSettings> buckets) {
        this.client = client;
        this.buckets = buckets.stream().collect(Collectors.toMap(BucketSettings::source, Function.identity(),
                (first, second) -> first));
    }

    /** The result's key in its bucket, for a unit from one of these buckets; empty for other sources. */
    Optional<String> keyOf(UnitResult result) {
        BucketSettings bucket = buckets.get(result.source());
        if (bucket == null) {
            return Optional.empty();
        }
        // an object's claim key is <key>|<ETag>
        int bar = result.key().lastIndexOf('|');
        String key = bar < 0 ? result.key() : result.key().substring(0, bar);
        return Optional.of(bucket.doneKey(key) + ".result.json");
    }

    void write(UnitResult result, String key) {
        BucketSettings bucket = buckets.get(result.source());
        client.putObject(PutObjectRequest.builder().bucket(bucket.bucket()).key(key).contentType("application/json")
                .build(), RequestBody.fromString(result.json(), StandardCharsets.UTF_8));
    }

    String display(UnitResult result, String key) {
        return buckets.get(result.source()).display(key);
    }
}
