package io.jobdrop.app;

import io.jobdrop.cluster.LeaseClusterService;
import io.jobdrop.cluster.LeaseTable;
import org.apache.camel.CamelContext;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.UUID;

/**
 * Leadership among the instances sharing one ledger: the lease cluster service that the routes' {@code master:}
 * endpoints (the inbox scan, each bucket listing) find in the context, and the health check that shows who leads what.
 */
final class ClusterWiring {

    private ClusterWiring() {
    }

    static LeaseClusterService bind(CamelContext context, Settings props, DataSource dataSource, String instanceId)
            throws Exception {
        String named = props.text("jobdrop.cluster.instance");
        // a random tail keeps two instances apart even when host name and PID repeat (containers)
        String self = (named.isBlank() ? instanceId : named) + "-" + UUID.randomUUID().toString().substring(0, 8);
        Duration lease = props.duration("jobdrop.cluster.lease");
        LeaseClusterService cluster = new LeaseClusterService(new LeaseTable(dataSource, lease), self, lease,
                context.getExecutorServiceManager().newSingleThreadScheduledExecutor(cluster(), "cluster-lease"));
        context.addService(cluster);
        context.getRegistry().bind("clusterHealth", new ClusterHealthCheck(cluster));
        return cluster;
    }

    private static Object cluster() {
        return ClusterWiring.class;
    }
}
