package io.jobdrop.testing;

import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.blobstore.domain.Blob;
import org.jclouds.blobstore.domain.PageSet;
import org.jclouds.blobstore.domain.StorageMetadata;
import org.jclouds.blobstore.domain.StorageType;
import org.jclouds.blobstore.options.ListContainerOptions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A real S3 server for tests: S3Proxy 2.9.0 on 127.0.0.1 over an in-memory jclouds blobstore, with AWS v2/v4
 * signatures checked against {@link #ACCESS_KEY}/{@link #SECRET_KEY}. The objects live in the blobstore, not in the
 * server, so {@link #stop()} and {@link #start()} make a real outage and recovery on the same port, and tests can put
 * and inspect objects directly (also while the server is down) without going through S3.
 */
public final class S3ProxyServer implements AutoCloseable {

    public static final String ACCESS_KEY = "jobdrop-test-access-key";
    public static final String SECRET_KEY = "jobdrop-test-secret-Qx7vR2mK";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(10);

    private final BlobStoreContext blobs;
    private S3Proxy proxy;
    private int port;

    private S3ProxyServer() {
        blobs = ContextBuilder.newBuilder("transient").credentials("identity", "credential")
                .build(BlobStoreContext.class);
    }

    /** A running server with these buckets created. */
    public static S3ProxyServer started(String... buckets) {
        S3ProxyServer server = new S3ProxyServer();
        for (String bucket : buckets) {
            server.store().createContainerInLocation(null, bucket);
        }
        return server.start();
    }

    /** Starts serving: on a free port the first time, on the same port afterwards. */
    public synchronized S3ProxyServer start() {
        if (proxy != null) {
            return this;
        }
        S3Proxy s3 = S3Proxy.builder()
                .blobStore(store())
                .endpoint(URI.create("http://127.0.0.1:" + port))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .build();
        try {
            s3.start();
            long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
            while (!"STARTED".equals(s3.getState())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("S3Proxy did not start: " + s3.getState());
                }
                Thread.onSpinWait();
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot start S3Proxy on port " + port, e);
        }
        port = s3.getPort();
        proxy = s3;
        return this;
    }

    /** Stops serving (connections are refused) and keeps the objects. */
    public synchronized void stop() {
        if (proxy == null) {
            return;
        }
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop S3Proxy", e);
        }
        proxy = null;
    }

    public synchronized boolean isRunning() {
        return proxy != null;
    }

    public synchronized String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    public void createBucket(String bucket) {
        store().createContainerInLocation(null, bucket);
    }

    public void put(String bucket, String key, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        store().putBlob(bucket, store().blobBuilder(key).payload(bytes).contentLength(bytes.length).build());
    }

    /** Every key in the bucket under the prefix, in key order. */
    public List<String> keys(String bucket, String prefix) {
        List<String> keys = new ArrayList<>();
        ListContainerOptions options = ListContainerOptions.Builder.recursive().prefix(prefix);
        while (true) {
            PageSet<? extends StorageMetadata> page = store().list(bucket, options);
            for (StorageMetadata m : page) {
                if (m.getType() == StorageType.BLOB) {
                    keys.add(m.getName());
                }
            }
            if (page.getNextMarker() == null) {
                return keys.stream().sorted().toList();
            }
            options = ListContainerOptions.Builder.recursive().prefix(prefix).afterMarker(page.getNextMarker());
        }
    }

    /** The object's content, or null when there is no such object. */
    public String read(String bucket, String key) {
        Blob blob = store().getBlob(bucket, key);
        if (blob == null) {
            return null;
        }
        try (InputStream in = blob.getPayload().openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        stop();
        blobs.close();
    }

    private BlobStore store() {
        return blobs.getBlobStore();
    }
}
