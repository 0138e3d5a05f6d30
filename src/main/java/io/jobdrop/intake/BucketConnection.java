package io.jobdrop.intake;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

import java.net.URI;
import java.time.Duration;

/**
 * How jobdrop reaches the object store: AWS S3 (no endpoint) or an S3-compatible store at {@code endpoint} (MinIO,
 * Ceph, S3Proxy). Static keys when both are given, else the AWS default credential chain (environment, profile,
 * container or instance role). The keys never leave this object except into the SDK's signer: {@link #toString()} and
 * {@link #describe()} leave them out.
 */
public final class BucketConnection {

    private static final Region FALLBACK_REGION = Region.US_EAST_1;

    private final URI endpoint;
    private final String region;
    private final String accessKey;
    private final String secretKey;
    private final Duration timeout;

    /**
     * @param endpoint, region, accessKey, secretKey empty for "not set"
     * @param timeout   for connecting, and for each wait on the store's answer; a store that stopped answering is
     *                  given up on after this (and the SDK's few retries), not after the socket default
     */
    public BucketConnection(String endpoint, String region, String accessKey, String secretKey, Duration timeout) {
        this.timeout = timeout;
        this.endpoint = endpoint.isBlank() ? null : URI.create(endpoint.trim());
        this.region = region.trim();
        this.accessKey = accessKey.trim();
        this.secretKey = secretKey.trim();
        if (this.endpoint != null && (this.endpoint.getScheme() == null || this.endpoint.getHost() == null)) {
            throw new IllegalArgumentException("jobdrop.s3.endpoint must be a URL such as http://minio:9000, not '"
                    + endpoint + "'");
        }
        if (this.accessKey.isEmpty() != this.secretKey.isEmpty()) {
            throw new IllegalArgumentException("set both jobdrop.s3.access-key and jobdrop.s3.secret-key, or neither"
                    + " (then the AWS default credential chain is used)");
        }
    }

    /**
     * A client for this store. With an endpoint: path-style addressing (bucket in the path, as S3-compatible stores
     * expect) and checksums only where the S3 API requires them, because the SDK's default flexible checksums
     * (aws-chunked uploads with CRC trailers) are refused by several S3-compatible stores with 400 or 501.
     */
    public S3Client open() {
        S3ClientBuilder builder = S3Client.builder()
                .httpClientBuilder(ApacheHttpClient.builder().connectionTimeout(timeout).socketTimeout(timeout))
                .credentialsProvider(credentials())
                .region(region());
        if (endpoint != null) {
            builder.endpointOverride(endpoint)
                    .forcePathStyle(true)
                    .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        } else if (region.isEmpty()) {
            // the region was guessed: let the SDK follow S3's redirect to the bucket's real region
            builder.crossRegionAccessEnabled(true);
        }
        return builder.build();
    }

    /** For logs and error messages: where, and which kind of credentials. */
    public String describe() {
        String where = endpoint == null ? "AWS S3" : endpoint.toString();
        String who = accessKey.isEmpty() ? "the AWS default credential chain" : "the configured access key";
        return where + " with " + who;
    }

    private AwsCredentialsProvider credentials() {
        if (accessKey.isEmpty()) {
            return DefaultCredentialsProvider.builder().build();
        }
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey));
    }

    /**
     * The configured region; else for AWS the SDK's default region chain (AWS_REGION, profile); else us-east-1, which
     * S3-compatible stores accept whatever their own notion of a region is.
     */
    private Region region() {
        if (!region.isEmpty()) {
            return Region.of(region);
        }
        if (endpoint == null) {
            try {
                return new DefaultAwsRegionProviderChain().getRegion();
            } catch (SdkClientException e) {
                return FALLBACK_REGION;
            }
        }
        return FALLBACK_REGION;
    }

    @Override
    public String toString() {
        return "BucketConnection[" + describe() + "]";
    }
}
