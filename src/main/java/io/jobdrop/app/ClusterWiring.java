package io.jobdrop.app;

import io.jobdrop.cluster.LeaseClusterService;
import io.jobdrop.cluster.LeaseTable;
import org.apache.camel.CamelContext;

import javax.sql.DataSource;
import java.time.Duration;

/**
 * Leadership among the instances sharing one ledger: the lease cluster service that the routes' {@code master:}
 * endpoints (the inbox scan, each bucket listing) find in the context, and the health check that shows who leads what.
 */
final class ClusterWiring {

    private ClusterWiring() {
    }

    /** @param instanceId this context's name (JobdropConfiguration), the one its other leases carry too */
    static LeaseClusterService bind(CamelContext context, Settings props, DataSource dataSource, String instanceId)
            throws Exception {
        Duration lease = props.duration("jobdrop.cluster.lease");
        LeaseClusterService cluster = new LeaseClusterService(new LeaseTable(dataSource, lease), instanceId, lease,
                context.getExecutorServiceManager().newSingleThreadScheduledExecutor(cluster(), "cluster-lease"));
        context.addService(cluster);
        context.getRegistry().bind("clusterHealth", new ClusterHealthCheck(cluster));
        return cluster;
    }

    private static Object cluster() {
        return ClusterWiring.class;
    }
}
