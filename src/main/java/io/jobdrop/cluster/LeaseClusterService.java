package io.jobdrop.cluster;

import org.apache.camel.support.cluster.AbstractCamelClusterService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * Camel's cluster service over the ledger: each namespace (that of a route's
 * {@link org.apache.camel.impl.cluster.ClusteredRoutePolicy}) is led by the instance that holds its row in the leases
 * table. None of Camel's ready-made services fits here: they need ZooKeeper, Consul, Kubernetes or a file lock, while
 * every jobdrop instance already shares the ledger. On one instance (H2) it simply leads everything.
 */
public final class LeaseClusterService extends AbstractCamelClusterService<LeaseView> {

    private static final Logger LOG = LoggerFactory.getLogger("jobdrop.cluster");

    private final LeaseTable table;
    private final String self;
    private final Duration length;
    private final ScheduledExecutorService timer;
    private final Executor events;
    // read without getView(), which would start a stopped view (and take its lease) just to look at it
    private final Map<String, LeaseView> views = new ConcurrentSkipListMap<>();
    private final Map<String, LongSupplier> backlogs = new ConcurrentHashMap<>();
    private final ReentrantLock telling = new ReentrantLock();
    private volatile boolean quiet;

    /**
     * @param self   this instance's name in the leases table (unique among the instances sharing the ledger)
     * @param length how long a lease lasts unless renewed: how long the others wait for a dead leader
     * @param timer  the thread that renews the leases (one for every namespace: a renewal is one short statement)
     * @param events where the listeners hear of a change in the lead once the views have started: a route policy
     *               stops or starts routes there, and a graceful stop waits for the route's exchanges
     */
    public LeaseClusterService(LeaseTable table, String self, Duration length, ScheduledExecutorService timer,
                               Executor events) {
        super("jobdrop-leases");
        this.table = table;
        this.self = self;
        this.length = length;
        this.timer = timer;
        this.events = events;
    }

    @Override
    protected LeaseView createView(String namespace) {
        LeaseView view = new LeaseView(this, namespace, table, self, length, timer);
        views.put(namespace, view);
        return view;
    }

    /**
     * Tells the listeners of a view of a change in its lead on the events executor, unless the context has begun to
     * stop: a route policy stops or starts routes as it hears, and a graceful stop waits for the route's exchanges.
     */
    void tell(String namespace, Runnable fire) {
        try {
            events.execute(() -> {
                telling.lock();
                try {
                    if (!quiet) {
                        fire.run();
                    }
                } finally {
                    telling.unlock();
                }
            });
        } catch (RejectedExecutionException stopping) {
            LOG.debug("{}: no one to tell of the change in its lead, jobdrop is stopping", namespace);
        }
    }

    /**
     * Tells no more changes in the lead, once one being told (a route being stopped or started) is done or
     * {@code atMost} has passed. Called as the context begins to stop, before it takes its routes' locks: Camel's
     * ClusteredRoutePolicy stops a route for a lost lead while holding its own lock, and a context shutting that route
     * down holds the route's lock and then asks for the policy's; a lead lost while jobdrop stopped deadlocked the two.
     */
    public void stopTelling(Duration atMost) throws InterruptedException {
        quiet = true;
        if (telling.tryLock(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
            telling.unlock();
        } else {
            LOG.warn("a change in the lead is still being told after {} ms; jobdrop stops without waiting for it",
                    atMost.toMillis());
        }
    }

    /**
     * Where this instance reads what waits in the intake of {@code namespace} (the inbox's job files, a bucket's
     * objects) while it leads it; each renewal of the lease carries it to the other instances.
     */
    public void reportBacklog(String namespace, LongSupplier backlog) {
        backlogs.put(namespace, backlog);
    }

    long localBacklog(String namespace) {
        LongSupplier backlog = backlogs.get(namespace);
        return backlog == null ? 0 : Math.max(0, backlog.getAsLong());
    }

    /**
     * The largest backlog of the intakes led in the namespaces this instance takes part in: its own where it leads,
     * else what their leaders last reported with their leases. Work that can wait (job following) gives way to it.
     */
    public long intakeBacklog() {
        long largest = 0;
        for (LeaseView view : views.values()) {
            if (view.isStarted()) {
                largest = Math.max(largest, view.backlog());
            }
        }
        return largest;
    }

    public String self() {
        return self;
    }

    public Duration length() {
        return length;
    }

    /** What this instance knows of each namespace it takes part in, for health and the API. */
    public List<Standing> standings() {
        List<Standing> standings = new ArrayList<>();
        for (LeaseView view : views.values()) {
            if (view.isStarted()) {
                standings.add(new Standing(view.getNamespace(), view.leading(), view.leaderId(), view.epoch(),
                        view.problem()));
            }
        }
        return standings;
    }

    /** One namespace as this instance sees it. */
    public record Standing(String namespace, boolean leading, Optional<String> leader, long epoch,
                           Optional<String> problem) {
    }
}
