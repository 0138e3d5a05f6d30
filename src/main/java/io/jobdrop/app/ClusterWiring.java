package io.jobdrop.app;

import io.jobdrop.cluster.LeaseClusterService;
import io.jobdrop.cluster.LeaseTable;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.cluster.ClusteredRoutePolicy;
import org.apache.camel.spi.ShutdownStrategy;
import org.apache.camel.support.LifecycleStrategySupport;

import javax.sql.DataSource;
import java.time.Duration;

/**
 * Leadership among the instances sharing one ledger: the lease cluster service, one Camel {@link ClusteredRoutePolicy}
 * per namespace (the routes name it: {@code routePolicy: leadership-inbox}; it starts them when this instance takes
 * the lead and stops them when it loses it), and the health check that shows who leads what.
 */
final class ClusterWiring {

    private ClusterWiring() {
    }

    /** @param instanceId this context's name (JobdropConfiguration), the one its other leases carry too */
    static LeaseClusterService bind(CamelContext context, Settings props, DataSource dataSource, String instanceId)
            throws Exception {
        Duration lease = props.duration("jobdrop.cluster.lease");
        LeaseClusterService cluster = new LeaseClusterService(new LeaseTable(dataSource, lease), instanceId, lease,
                context.getExecutorServiceManager().newSingleThreadScheduledExecutor(cluster(), "cluster-lease"),
                context.getExecutorServiceManager().newSingleThreadExecutor(cluster(), "cluster-lead-changes"));
        context.addService(cluster);
        context.addLifecycleStrategy(new LifecycleStrategySupport() {
            @Override
            public void onContextStopping(CamelContext stopping) {
                // before the context takes its routes' locks: see LeaseClusterService.stopTelling
                ShutdownStrategy shutdown = stopping.getShutdownStrategy();
                try {
                    cluster.stopTelling(Duration.ofMillis(shutdown.getTimeUnit().toMillis(shutdown.getTimeout())));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        context.getRegistry().bind("clusterHealth", new ClusterHealthCheck(cluster));
        return cluster;
    }

    /**
     * Binds {@code leadership-<namespace>}: the route policy that runs its routes only while this instance leads the
     * namespace. Camel's policy starts them as soon as the lead is taken (camel-master's endpoint waited a second).
     */
    static void leadership(CamelContext context, LeaseClusterService cluster, String namespace) throws Exception {
        ClusteredRoutePolicy policy = ClusteredRoutePolicy.forNamespace(cluster, namespace);
        policy.setCamelContext(context);
        context.getRegistry().bind(policyName(namespace), policy);
    }

    static String policyName(String namespace) {
        return "leadership-" + namespace;
    }

    private static Object cluster() {
        return ClusterWiring.class;
    }
}
