package io.jobdrop.intake;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the job files waiting under a bucket's intake prefix, a batch at a time, page by page (S3 lists at most 1000
 * keys per request). Objects that are not taken (other files, or job files whose move keeps failing) stay in the
 * listing; so that a crowd of them can never hide newer objects behind it, a scan that stops early resumes after the
 * last key it saw, and starts over from the top once it has reached the end.
 */
final class BucketListing {

    /** Keys per list request: S3's maximum. */
    static final int PAGE = 1000;
    /** List requests per scan, so a bucket full of other files costs a bounded amount per poll. */
    static final int MAX_PAGES = 10;

    private final S3Client client;
    private final BucketSettings settings;
    private final int pageSize;
    private final int maxPages;
    private String resumeAfter;

    BucketListing(S3Client client, BucketSettings settings) {
        this(client, settings, PAGE, MAX_PAGES);
    }

    BucketListing(S3Client client, BucketSettings settings, int pageSize, int maxPages) {
        this.client = client;
        this.settings = settings;
        this.pageSize = pageSize;
        this.maxPages = maxPages;
    }

    /** Up to {@code settings.maxPerPoll()} job files, in key order from where the last scan stopped. */
    synchronized List<BucketObject> next() {
        List<BucketObject> found = new ArrayList<>();
        String lastSeen = resumeAfter;
        String token = null;
        for (int page = 0; page < maxPages; page++) {
            ListObjectsV2Request.Builder request = ListObjectsV2Request.builder()
                    .bucket(settings.bucket()).prefix(settings.prefix()).maxKeys(pageSize);
            if (token != null) {
                request.continuationToken(token);
            } else if (resumeAfter != null) {
                request.startAfter(resumeAfter);
            }
            ListObjectsV2Response response = client.listObjectsV2(request.build());
            for (S3Object object : response.contents()) {
                lastSeen = object.key();
                if (settings.takes(object.key())) {
                    found.add(new BucketObject(object.key(), object.eTag(), object.size() == null ? 0 : object.size()));
                    if (found.size() == settings.maxPerPoll()) {
                        resumeAfter = lastSeen;
                        return found;
                    }
                }
            }
            token = response.nextContinuationToken();
            if (!Boolean.TRUE.equals(response.isTruncated()) || token == null) {
                resumeAfter = null;
                return found;
            }
        }
        resumeAfter = lastSeen;
        return found;
    }
}
