package io.jobdrop.app;

import io.jobdrop.cluster.LeaseClusterService;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

import java.util.Map;

/**
 * Who leads what: this instance's name, and for each namespace it takes part in (the inbox scan, each bucket listing)
 * the instance that leads it ({@code leader.inbox = host-123-ab12cd34}). DOWN while a lease cannot be renewed; never
 * unready, since an instance that does not lead still records and forwards.
 */
final class ClusterHealthCheck extends AbstractHealthCheck {

    private final LeaseClusterService cluster;

    ClusterHealthCheck(LeaseClusterService cluster) {
        super("jobdrop", "cluster");
        this.cluster = cluster;
    }

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
        builder.detail("instance", cluster.self());
        builder.detail("lease", cluster.length().toString());
        String problem = null;
        for (LeaseClusterService.Standing standing : cluster.standings()) {
            builder.detail("leader." + standing.namespace(), standing.leader().orElse("none"));
            builder.detail("leading." + standing.namespace(), standing.leading());
            builder.detail("epoch." + standing.namespace(), standing.epoch());
            if (standing.problem().isPresent()) {
                problem = "cannot renew the lease " + standing.namespace() + ": " + standing.problem().get();
            }
        }
        if (problem == null) {
            builder.up();
        } else {
            builder.message(problem).down();
        }
    }
}
