package io.jobdrop.intake;

import io.jobdrop.testing.S3ProxyServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.stream.IntStream;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Listing a real S3 server (S3Proxy), page by page, each page as it is read. */
class BucketListingTest {

    private final S3ProxyServer s3 = S3ProxyServer.started("jobs");
    private final S3Client client = new BucketConnection(s3.endpoint(), "", S3ProxyServer.ACCESS_KEY,
            S3ProxyServer.SECRET_KEY, Duration.ofSeconds(5)).open();
    /** Every list request the listing sent, in order. */
    private final List<ListObjectsV2Request> requests = new ArrayList<>();

    @AfterEach
    void close() {
        client.close();
        s3.close();
    }

    /** Small pages, so that a few hundred objects take several list requests. */
    private BucketListing listing(int maxPerPoll, int pageSize, int maxPages) {
        BucketSettings settings = BucketSettings.parse("jobs", "inbox/", "done/", "error/", "move", maxPerPoll).get(0);
        return new BucketListing(request -> {
            requests.add(request);
            return client.listObjectsV2(request);
        }, settings, pageSize, maxPages);
    }

    private static List<BucketObject> all(Iterator<BucketObject> scan) {
        List<BucketObject> objects = new ArrayList<>();
        scan.forEachRemaining(objects::add);
        return objects;
    }

    @Test
    void pages_past_other_files_and_resumes_where_the_last_batch_ended() {
        IntStream.range(0, 150).forEach(i -> s3.put("jobs", "inbox/a-%03d.txt".formatted(i), "not a job"));
        List<String> jobs = IntStream.range(0, 80).mapToObj(i -> "inbox/b-%03d.yaml".formatted(i)).toList();
        jobs.forEach(key -> s3.put("jobs", key, "Name: x"));
        s3.put("jobs", "done/old.yaml", "Name: x");
        BucketListing listing = listing(50, 100, 10);

        assertThat(all(listing.scan())).extracting(BucketObject::key).containsExactlyElementsOf(jobs.subList(0, 50));
        assertThat(all(listing.scan())).extracting(BucketObject::key).containsExactlyElementsOf(jobs.subList(50, 80));
        assertThat(all(listing.scan())).as("from the top again").extracting(BucketObject::key)
                .containsExactlyElementsOf(jobs.subList(0, 50));
    }

    @Test
    void never_lets_a_crowd_of_other_files_hide_a_job_file_behind_it() {
        IntStream.range(0, 31).forEach(i -> s3.put("jobs", "inbox/a-%02d.csv".formatted(i), "1,2"));
        s3.put("jobs", "inbox/z.yaml", "Name: z");
        BucketListing listing = listing(200, 10, 3);

        assertThat(all(listing.scan())).as("a scan reads at most 3 pages of 10").isEmpty();
        assertThat(requests).hasSize(3);
        assertThat(all(listing.scan())).extracting(BucketObject::key).containsExactly("inbox/z.yaml");
    }

    @Test
    void a_scan_that_stops_on_an_empty_page_resumes_after_the_last_key_of_the_pages_before() {
        BucketSettings settings = BucketSettings.parse("jobs", "inbox/", "done/", "error/", "move", 100).get(0);
        List<ListObjectsV2Response> pages = new ArrayList<>(List.of(
                ListObjectsV2Response.builder().contents(S3Object.builder().key("inbox/a.csv").build(),
                        S3Object.builder().key("inbox/b.csv").build()).isTruncated(true).nextContinuationToken("1")
                        .build(),
                // a store may answer a truncated page with no keys in it
                ListObjectsV2Response.builder().isTruncated(true).nextContinuationToken("2").build(),
                ListObjectsV2Response.builder().isTruncated(false).build()));
        BucketListing listing = new BucketListing(request -> {
            requests.add(request);
            return pages.remove(0);
        }, settings, 2, 2);

        assertThat(all(listing.scan())).isEmpty();
        assertThat(all(listing.scan())).isEmpty();
        assertThat(requests).extracting(ListObjectsV2Request::startAfter).containsExactly(null, null, "inbox/b.csv");
    }

    @Test
    void reports_each_object_with_its_etag_and_size() throws Exception {
        s3.put("jobs", "inbox/one.yaml", "Name: one\n");

        BucketObject one = listing(10, BucketListing.PAGE, BucketListing.MAX_PAGES).scan().next();

        String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest("Name: one\n".getBytes(UTF_8)));
        assertThat(one.size()).isEqualTo(10);
        assertThat(one.eTag()).isEqualTo("\"" + md5 + "\"");
        assertThat(one.version()).isEqualTo(md5);
    }

    @Test
    void lists_the_next_page_only_when_the_objects_of_the_one_before_are_taken() {
        IntStream.range(0, 25).forEach(i -> s3.put("jobs", "inbox/j-%02d.yaml".formatted(i), "Name: x"));
        Iterator<BucketObject> scan = listing(100, 10, 10).scan();

        assertThat(requests).as("nothing is listed before it is read").isEmpty();
        for (int i = 0; i < 10; i++) {
            assertThat(scan.next().key()).isEqualTo("inbox/j-%02d.yaml".formatted(i));
        }
        assertThat(requests).hasSize(1);
        assertThat(scan.next().key()).isEqualTo("inbox/j-10.yaml");
        assertThat(requests).hasSize(2);
        assertThat(all(scan)).hasSize(14);
        assertThat(requests).hasSize(3);
        assertThat(requests.get(1).continuationToken()).as("the pages of one scan follow each other").isNotNull();
    }

    @Test
    void knows_about_how_many_job_files_wait_from_what_it_listed_and_not_yet_handed_out() {
        IntStream.range(0, 25).forEach(i -> s3.put("jobs", "inbox/j-%02d.yaml".formatted(i), "Name: x"));
        BucketListing listing = listing(100, 10, 10);
        assertThat(listing.backlog()).as("before any scan").isZero();

        Iterator<BucketObject> scan = listing.scan();
        assertThat(listing.backlog()).as("nothing listed yet").isZero();
        scan.next();
        assertThat(listing.backlog()).as("9 listed and not taken, and a page more to come").isEqualTo(9 + 10);
        for (int i = 0; i < 9; i++) {
            scan.next();
        }
        assertThat(listing.backlog()).isEqualTo(10);
        scan.next(); // the second page
        assertThat(listing.backlog()).isEqualTo(9 + 10);
        all(scan); // the third and last page
        assertThat(listing.backlog()).as("all taken, the listing is at its end").isZero();
    }

    @Test
    void a_failed_list_request_ends_the_scan_and_the_next_one_starts_where_the_last_whole_scan_left_off() {
        IntStream.range(0, 30).forEach(i -> s3.put("jobs", "inbox/j-%02d.yaml".formatted(i), "Name: x"));
        BucketSettings settings = BucketSettings.parse("jobs", "inbox/", "done/", "error/", "move", 100).get(0);
        RuntimeException down = new IllegalStateException("store down");
        boolean[] failSecondPage = {true};
        BucketListing listing = new BucketListing(request -> {
            if (request.continuationToken() != null && failSecondPage[0]) {
                failSecondPage[0] = false;
                throw down;
            }
            return client.listObjectsV2(request);
        }, settings, 10, 10);

        Iterator<BucketObject> scan = listing.scan();
        for (int i = 0; i < 10; i++) {
            scan.next();
        }
        assertThatThrownBy(scan::hasNext).isSameAs(down);
        assertThat(scan.hasNext()).as("said once, then the scan is over").isFalse();

        assertThat(all(listing.scan())).as("the next scan from the top, whole").hasSize(30);
    }
}
