package io.jobdrop.intake;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

import java.util.Map;

/**
 * DOWN while a bucket's listing fails (store unreachable, credentials refused, bucket missing), with the store's own
 * answer; objects wait in the bucket meanwhile and intake resumes by itself. Reads what the route found out, so a
 * health probe costs the store nothing.
 */
public final class BucketHealthCheck extends AbstractHealthCheck {

    private final String location;
    private final BucketStatus status;

    public BucketHealthCheck(String id, String location, BucketStatus status) {
        super("jobdrop", id);
        this.location = location;
        this.status = status;
    }

    /** An unreachable bucket does not make jobdrop unready: the inbox and the queue still take work. */
    @Override
    public boolean isReadiness() {
        return false;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        BucketStatus.Snapshot now = status.snapshot();
        builder.detail("bucket", location);
        builder.detail("failures", now.failures());
        if (now.lastListed() != null) {
            builder.detail("lastListed", now.lastListed().toString());
        }
        if (now.problem() == null) {
            builder.up();
        } else {
            builder.message(now.problem()).down();
        }
    }
}
