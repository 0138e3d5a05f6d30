package io.jobdrop.follow;

import io.jobdrop.intake.BucketSettings;
import io.jobdrop.store.UnitResult;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Writes a bucket object's result as {@code <done prefix>/<key>.result.json} in its bucket (beside where the object
 * was moved; written also when accepted objects are deleted). An object already there is left alone: S3 writes a key
 * whole, so a result there is a result written before (by another instance, or before a crash).
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

    /** @return false when a result was already in place */
    boolean write(UnitResult result, String key) {
        BucketSettings bucket = buckets.get(result.source());
        if (exists(bucket.bucket(), key)) {
            return false;
        }
        client.putObject(PutObjectRequest.builder().bucket(bucket.bucket()).key(key).contentType("application/json")
                .build(), RequestBody.fromString(result.json(), StandardCharsets.UTF_8));
        return true;
    }

    String display(UnitResult result, String key) {
        return buckets.get(result.source()).display(key);
    }

    private boolean exists(String bucket, String key) {
        try {
            client.headObject(HeadObjectRequest.builder().bucket(bucket).key(key).build());
            return true;
        } catch (NoSuchKeyException missing) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }
}
