package io.jobdrop.intake;

import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Function;

/**
 * Finds the job files waiting under a bucket's intake prefix, page by page (S3 lists at most 1000 keys per request),
 * each page only when the objects of the one before have been taken: a scan is read as the objects are handled, so the
 * next listing request overlaps with the handling of the page before it. Objects that are not taken (other files, or
 * job files whose move keeps failing) stay in the listing; so that a crowd of them can never hide newer objects behind
 * it, a scan that stops early resumes after the last key it saw, and starts over from the top once it reached the end.
 */
final class BucketListing {

    /** Keys per list request: S3's maximum. */
    static final int PAGE = 1000;
    /** List requests per scan, so a bucket full of other files costs a bounded amount per poll. */
    static final int MAX_PAGES = 10;

    private final Function<ListObjectsV2Request, ListObjectsV2Response> lister;
    private final BucketSettings settings;
    private final int pageSize;
    private final int maxPages;
    /** Where the next scan starts: after this key, or at the top when null. */
    private String resumeAfter;
    private volatile Scan current;

    /** @param lister sends one list request (and reports its failure as the caller sees fit) */
    BucketListing(Function<ListObjectsV2Request, ListObjectsV2Response> lister, BucketSettings settings) {
        this(lister, settings, PAGE, MAX_PAGES);
    }

    BucketListing(Function<ListObjectsV2Request, ListObjectsV2Response> lister, BucketSettings settings, int pageSize,
                  int maxPages) {
        this.lister = lister;
        this.settings = settings;
        this.pageSize = pageSize;
        this.maxPages = maxPages;
    }

    /**
     * Up to {@code settings.maxPerPoll()} job files, in key order from where the last scan stopped, listed lazily. One
     * scan at a time: the next one starts where this one stopped, so it begins once this one is read to its end.
     */
    Iterator<BucketObject> scan() {
        Scan scan = new Scan();
        current = scan;
        return scan;
    }

    /**
     * About how many job files wait under the prefix, as far as the latest scan knows without asking the store: those
     * it listed and has not handed out yet, and a page more while its listing goes on. Read by other threads; never
     * waits for a list request.
     */
    long backlog() {
        Scan scan = current;
        return scan == null ? 0 : scan.backlog();
    }

    private final class Scan implements Iterator<BucketObject> {

        private final Deque<BucketObject> waiting = new ArrayDeque<>();
        /** The last key listed so far, job file or not: where the next scan resumes if this one stops early. */
        private String lastSeen = resumeAfter;
        private String token;
        private int pages;
        private int found;
        private volatile boolean ended;
        private volatile int listedNotTaken;
        private volatile boolean more;

        @Override
        public synchronized boolean hasNext() {
            while (waiting.isEmpty() && !ended) {
                listPage();
            }
            return !waiting.isEmpty();
        }

        @Override
        public synchronized BucketObject next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            BucketObject next = waiting.poll();
            listedNotTaken = waiting.size();
            return next;
        }

        long backlog() {
            return listedNotTaken + (more && !ended ? pageSize : 0);
        }

        private void listPage() {
            ListObjectsV2Request.Builder request = ListObjectsV2Request.builder()
                    .bucket(settings.bucket()).prefix(settings.prefix()).maxKeys(pageSize);
            if (token != null) {
                request.continuationToken(token);
            } else if (resumeAfter != null) {
                request.startAfter(resumeAfter);
            }
            ListObjectsV2Response response;
            try {
                response = lister.apply(request.build());
            } catch (RuntimeException e) {
                ended = true; // told once: the scan ends here, and the next one starts where the last whole one left off
                throw e;
            }
            pages++;
            for (S3Object object : response.contents()) {
                lastSeen = object.key();
                if (settings.takes(object.key())) {
                    waiting.add(new BucketObject(object.key(), object.eTag(), object.size() == null ? 0 : object.size()));
                    listedNotTaken = waiting.size();
                    if (++found == settings.maxPerPoll()) {
                        end(lastSeen);
                        return;
                    }
                }
            }
            token = response.nextContinuationToken();
            more = token != null;
            if (!Boolean.TRUE.equals(response.isTruncated()) || token == null) {
                end(null);
            } else if (pages == maxPages) {
                end(lastSeen);
            }
        }

        private void end(String resumeAt) {
            resumeAfter = resumeAt;
            ended = true;
        }
    }
}
