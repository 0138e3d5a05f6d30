package io.jobdrop.intake;

import io.jobdrop.testing.S3ProxyServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

/** Listing a real S3 server (S3Proxy), page by page. */
class BucketListingTest {

    private final S3ProxyServer s3 = S3ProxyServer.started("jobs");
    private final S3Client client = new BucketConnection(s3.endpoint(), "", S3ProxyServer.ACCESS_KEY,
            S3ProxyServer.SECRET_KEY, Duration.ofSeconds(5)).open();

    @AfterEach
    void close() {
        client.close();
        s3.close();
    }

    /** Small pages, so that a few hundred objects take several list requests. */
    private BucketListing listing(int maxPerPoll, int pageSize, int maxPages) {
        BucketSettings settings = BucketSettings.parse("jobs", "inbox/", "done/", "error/", "move", maxPerPoll).get(0);
        return new BucketListing(client, settings, pageSize, maxPages);
    }

    @Test
    void pages_past_other_files_and_resumes_where_the_last_batch_ended() {
        IntStream.range(0, 150).forEach(i -> s3.put("jobs", "inbox/a-%03d.txt".formatted(i), "not a job"));
        List<String> jobs = IntStream.range(0, 80).mapToObj(i -> "inbox/b-%03d.yaml".formatted(i)).toList();
        jobs.forEach(key -> s3.put("jobs", key, "Name: x"));
        s3.put("jobs", "done/old.yaml", "Name: x");
        BucketListing listing = listing(50, 100, 10);

        assertThat(listing.next()).extracting(BucketObject::key).containsExactlyElementsOf(jobs.subList(0, 50));
        assertThat(listing.next()).extracting(BucketObject::key).containsExactlyElementsOf(jobs.subList(50, 80));
        assertThat(listing.next()).as("from the top again").extracting(BucketObject::key)
                .containsExactlyElementsOf(jobs.subList(0, 50));
    }

    @Test
    void never_lets_a_crowd_of_other_files_hide_a_job_file_behind_it() {
        IntStream.range(0, 31).forEach(i -> s3.put("jobs", "inbox/a-%02d.csv".formatted(i), "1,2"));
        s3.put("jobs", "inbox/z.yaml", "Name: z");
        BucketListing listing = listing(200, 10, 3);

        assertThat(listing.next()).as("a scan reads at most 3 pages of 10").isEmpty();
        assertThat(listing.next()).extracting(BucketObject::key).containsExactly("inbox/z.yaml");
    }

    @Test
    void reports_each_object_with_its_etag_and_size() throws Exception {
        s3.put("jobs", "inbox/one.yaml", "Name: one\n");

        BucketObject one = listing(10, BucketListing.PAGE, BucketListing.MAX_PAGES).next().get(0);

        String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest("Name: one\n".getBytes(UTF_8)));
        assertThat(one.size()).isEqualTo(10);
        assertThat(one.eTag()).isEqualTo("\"" + md5 + "\"");
        assertThat(one.version()).isEqualTo(md5);
    }
}
