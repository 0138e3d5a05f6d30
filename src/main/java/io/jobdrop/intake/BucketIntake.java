package io.jobdrop.intake;

import io.jobdrop.ingest.FileVerdict;
import io.jobdrop.ingest.JobFileReader;
import io.jobdrop.spec.Problem;
import io.jobdrop.store.IntakeClaim;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The steps of one bucket's intake route: list the waiting job files, then for each object read it and record it in the
 * ledger ({@link #ingest}), and only after that commit move it out of the intake prefix ({@link #settle}).
 *
 * <p>An object version is claimed in the ledger as {@code key|ETag}, so a restart, a second instance or a slow poll
 * never records it twice, while new content uploaded under the same key is a new submission. Moves are conditional
 * on the ETag that was read: an object replaced meanwhile stays where it is and is taken as the new version it is.
 * Store failures are thrown as {@link BucketException} (an outage: the object stays and is tried again); an object
 * that vanished (another instance took it) is skipped quietly.
 */
public final class BucketIntake {

    /** Set by {@link #ingest}: {@code done}, {@code error}, or {@code skipped} when nothing was recorded. */
    public static final String DISPOSITION = "jobdropDisposition";
    /** Set on an exchange that did no work (a poll skipped while backing off): it proves nothing about the store. */
    public static final String IDLE = "jobdropIdle";

    private static final Logger LOG = LoggerFactory.getLogger("jobdrop.intake");
    private static final String RECORDED = "jobdropBucketRecorded";
    private static final int STATUS_NOT_FOUND = 404;
    private static final int STATUS_PRECONDITION_FAILED = 412;

    /** An object version the ledger now holds, and what it holds it as. */
    private record Recorded(String key, String eTag, JobFileIntake.Taken taken) {
    }

    private final BucketSettings settings;
    private final S3Client client;
    private final String connection;
    private final BucketListing listing;
    private final BucketStatus status;
    private final JobFileIntake files;
    private final Clock clock;
    /** Larger objects are not read (jobdrop.limits.file-bytes, as for inbox files). */
    private final long maxObjectBytes;
    private final Set<String> reportedUnreadable = ConcurrentHashMap.newKeySet();

    public BucketIntake(BucketSettings settings, S3Client client, BucketConnection connection, BucketStatus status,
                        JobFileIntake files, Clock clock, long maxObjectBytes) {
        this.settings = settings;
        this.client = client;
        this.connection = connection.describe();
        this.listing = new BucketListing(this::listPage, settings);
        this.status = status;
        this.files = files;
        this.clock = clock;
        this.maxObjectBytes = maxObjectBytes;
    }

    /**
     * The route's poll step: {@link #list()}, and an exchange that skipped the listing (backing off after failures) is
     * marked {@link #IDLE}, so that it does not count as the bucket working again.
     */
    public Iterator<BucketObject> poll(Exchange exchange) {
        if (!status.due(clock.instant())) {
            exchange.setProperty(IDLE, true);
            return Collections.emptyIterator();
        }
        return listing.scan();
    }

    /**
     * The job files waiting under the prefix, at most one poll's worth, listed a page at a time as they are read; none
     * while backing off after failed listings. A failed list request is thrown by the iterator as a
     * {@link BucketException}.
     */
    public Iterator<BucketObject> list() {
        return status.due(clock.instant()) ? listing.scan() : Collections.emptyIterator();
    }

    /**
     * About how many job files wait under the prefix, as the latest listing knows it: what the bucket's leader reports
     * with its lease, so that job following gives way to a burst in the bucket.
     */
    public long backlog() {
        return listing.backlog();
    }

    private ListObjectsV2Response listPage(ListObjectsV2Request request) {
        Instant now = clock.instant();
        try {
            ListObjectsV2Response page = client.listObjectsV2(request);
            status.listed(now);
            return page;
        } catch (SdkException e) {
            BucketException failure = BucketException.of("list " + settings.location(), connection, e);
            status.failed(failure.getMessage(), now);
            throw failure;
        }
    }

    /** Reads the object in the body and records it with its verdict; sets {@link #DISPOSITION}. */
    public void ingest(Exchange exchange) {
        BucketObject object = exchange.getMessage().getBody(BucketObject.class);
        exchange.setProperty(DISPOSITION, "skipped");
        if (exchange.getContext().isStopping()) {
            return; // shutting down: the rest of the batch waits in the bucket for the next start
        }
        String display = settings.display(object.key());
        String eTag;
        JobFileIntake.Taken taken;
        if (object.size() > maxObjectBytes) {
            eTag = object.eTag();
            taken = files.record(claim(object.key(), eTag), FileVerdict.rejected(display,
                    List.of(Problem.unplaced(JobFileReader.tooLarge(object.size(), maxObjectBytes))), List.of()));
        } else {
            ResponseBytes<GetObjectResponse> read = read(object);
            if (read == null) {
                return;
            }
            eTag = read.response().eTag();
            taken = files.take(claim(object.key(), eTag), display, read.asByteArray());
        }
        exchange.setProperty(RECORDED, new Recorded(object.key(), eTag, taken));
        exchange.setProperty(DISPOSITION, taken.rejected() ? "error" : "done");
    }

    /**
     * After the ledger commit: a rejected object goes to the error prefix with its report beside it; an accepted one
     * to the done prefix, or is deleted when so configured.
     */
    public void settle(Exchange exchange) {
        Recorded recorded = exchange.getProperty(RECORDED, Recorded.class);
        if (recorded == null) {
            return;
        }
        String key = recorded.key();
        if (recorded.taken().rejected()) {
            // the report goes beside the copy, before the original is deleted: a crash in between leaves the object
            // to be taken (and reported) again, and an object replaced before the copy gets no stale report
            moveIfUnchanged(key, recorded.eTag(), settings.errorKey(key),
                    () -> put(settings.reportKey(key), recorded.taken().report()));
        } else if (settings.deleteDone()) {
            deleteIfUnchanged(key, recorded.eTag());
        } else {
            moveIfUnchanged(key, recorded.eTag(), settings.doneKey(key), () -> { });
        }
    }

    private IntakeClaim claim(String key, String eTag) {
        return new IntakeClaim(settings.source(), key + "|" + BucketObject.unquoted(eTag), settings.display(key));
    }

    /** The object's bytes and the version they are; null when it is gone or cannot be read (then it is left alone). */
    private ResponseBytes<GetObjectResponse> read(BucketObject object) {
        try {
            return client.getObjectAsBytes(
                    GetObjectRequest.builder().bucket(settings.bucket()).key(object.key()).build());
        } catch (S3Exception e) {
            if (e.statusCode() == STATUS_NOT_FOUND) {
                LOG.debug("{}: gone before it was read (taken by another instance?)", settings.display(object.key()));
                return null;
            }
            if (e.statusCode() >= 400 && e.statusCode() < 500 && e.statusCode() != 408 && e.statusCode() != 429) {
                unreadable(object, BucketException.of("read " + settings.display(object.key()), connection, e));
                return null;
            }
            throw BucketException.of("read " + settings.display(object.key()), connection, e);
        } catch (SdkException e) {
            throw BucketException.of("read " + settings.display(object.key()), connection, e);
        }
    }

    /**
     * An object the store will not hand out (no permission for it, archived to Glacier...) while the bucket as such
     * answers: it is not a job file jobdrop can judge, and it must not hold up the others. Said once per version.
     */
    private void unreadable(BucketObject object, BucketException why) {
        if (reportedUnreadable.size() > 10_000) {
            reportedUnreadable.clear();
        }
        if (reportedUnreadable.add(object.key() + "|" + object.eTag())) {
            LOG.warn("{}: left in place, {}", settings.display(object.key()), why.getMessage());
        }
    }

    private void put(String key, String json) {
        try {
            client.putObject(PutObjectRequest.builder().bucket(settings.bucket()).key(key)
                    .contentType("application/json").build(), RequestBody.fromString(json, StandardCharsets.UTF_8));
        } catch (SdkException e) {
            throw BucketException.of("write " + settings.display(key), connection, e);
        }
    }

    /**
     * Copy, then delete: S3 has no rename. Both happen only while the object still is the version that was recorded
     * ({@code If-Match} on the copy, and on the delete where the store honours it: AWS S3, Ceph); a newer upload under
     * the key stays for the next poll, an object already moved away is left alone. {@code afterCopy} runs only once
     * the copy is made.
     */
    private void moveIfUnchanged(String key, String eTag, String target, Runnable afterCopy) {
        try {
            client.copyObject(CopyObjectRequest.builder()
                    .sourceBucket(settings.bucket()).sourceKey(key)
                    .destinationBucket(settings.bucket()).destinationKey(target)
                    .copySourceIfMatch(eTag).build());
        } catch (S3Exception e) {
            if (e.statusCode() == STATUS_NOT_FOUND || e.statusCode() == STATUS_PRECONDITION_FAILED) {
                LOG.debug("{}: not moved, it is gone or was replaced ({})", settings.display(key), e.statusCode());
                return;
            }
            throw BucketException.of("copy " + settings.display(key) + " to " + target, connection, e);
        } catch (SdkException e) {
            throw BucketException.of("copy " + settings.display(key) + " to " + target, connection, e);
        }
        afterCopy.run();
        delete(key, eTag);
    }

    private void deleteIfUnchanged(String key, String eTag) {
        String current;
        try {
            current = client.headObject(HeadObjectRequest.builder().bucket(settings.bucket()).key(key).build()).eTag();
        } catch (S3Exception e) {
            if (e.statusCode() == STATUS_NOT_FOUND) {
                return;
            }
            throw BucketException.of("look at " + settings.display(key), connection, e);
        } catch (SdkException e) {
            throw BucketException.of("look at " + settings.display(key), connection, e);
        }
        if (BucketObject.unquoted(current).equals(BucketObject.unquoted(eTag))) {
            delete(key, eTag);
        }
    }

    /**
     * Deletes the object only while it is still the recorded version: an upload under the key since then answers 412
     * and stays for the next poll. A store that ignores {@code If-Match} on DELETE (S3Proxy 2.9, some others) deletes
     * whatever is there; README "Taking jobs from a bucket" says what that means for reused keys.
     */
    private void delete(String key, String eTag) {
        try {
            client.deleteObject(DeleteObjectRequest.builder().bucket(settings.bucket()).key(key).ifMatch(eTag).build());
        } catch (S3Exception e) {
            if (e.statusCode() == STATUS_NOT_FOUND || e.statusCode() == STATUS_PRECONDITION_FAILED) {
                LOG.debug("{}: not deleted, it is gone or was replaced ({})", settings.display(key), e.statusCode());
                return;
            }
            throw BucketException.of("delete " + settings.display(key), connection, e);
        } catch (SdkException e) {
            throw BucketException.of("delete " + settings.display(key), connection, e);
        }
    }
}
