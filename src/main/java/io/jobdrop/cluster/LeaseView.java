package io.jobdrop.cluster;

import io.jobdrop.app.Outages;
import org.apache.camel.cluster.CamelClusterMember;
import org.apache.camel.support.cluster.AbstractCamelClusterView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Leadership of one namespace (the inbox scan, one bucket's listing) through a lease row: taken at start, renewed every
 * third of the lease, given up at stop; while another instance holds it, it is tried again as that lease ends, so a
 * leader that died is replaced within the lease. The instance stops leading on its own before its lease can have
 * ended in the database: when renewals fail (ledger down) for so long that the next one would come too late. So two
 * instances never lead at once as long as the database is the only clock that counts; even if they did, the ledger's
 * claims still take every file once, and only the work of listing is done twice.
 */
final class LeaseView extends AbstractCamelClusterView {

    private static final Logger LOG = LoggerFactory.getLogger("jobdrop.cluster");
    /** How long after another's lease ends by the database's clock the next try comes: after it, never just before. */
    private static final long EXPIRY_MARGIN_MS = 20;

    private final LeaseClusterService service;
    private final LeaseTable table;
    private final String self;
    private final Duration length;
    private final ScheduledExecutorService timer;
    private final LeaseMember local;
    private volatile boolean leading;
    private volatile Optional<String> leader = Optional.empty();
    private volatile long epoch;
    /** What the leader reported waiting in its intake at the last renewal or try (0 while nobody leads). */
    private volatile long reportedBacklog;
    private volatile String problem;
    private long lastTakenNanos;
    private boolean created;
    private boolean starting;
    private ScheduledFuture<?> renewals;
    /** A try planned for the moment another instance's lease ends, should it not be renewed. */
    private ScheduledFuture<?> atExpiry;
    private Instant expiryAwaited;

    LeaseView(LeaseClusterService service, String namespace, LeaseTable table, String self, Duration length,
              ScheduledExecutorService timer) {
        super(service, namespace);
        this.service = service;
        this.table = table;
        this.self = self;
        this.length = length;
        this.timer = timer;
        this.local = new LeaseMember(self, true, () -> leading);
    }

    @Override
    protected void doStart() {
        starting = true;
        try {
            renew(); // leads at once when the lease is free: a single instance starts its intake without waiting
        } finally {
            starting = false;
        }
        long every = Math.max(1, length.toMillis() / 3);
        renewals = timer.scheduleWithFixedDelay(this::renew, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    protected void doStop() {
        if (renewals != null) {
            renewals.cancel(false);
        }
        synchronized (this) {
            awaitNoExpiry();
            if (leading) {
                try {
                    table.giveUp(getNamespace(), self);
                    LOG.info("gave up leading {} (lease epoch {})", getNamespace(), epoch);
                } catch (RuntimeException e) {
                    LOG.warn("could not give up leading {}; it ends when its lease expires: {}", getNamespace(),
                            Outages.describe(e));
                }
            }
            change(false, Optional.empty());
        }
    }

    /** Does nothing once stopping: a renewal that waited for {@link #doStop} would take back the lease it gave up. */
    synchronized void renew() {
        if (isStoppingOrStopped()) { // the service stops its views: a view stopping is the service stopping
            return;
        }
        long started = System.nanoTime();
        try {
            if (!created) {
                table.create(getNamespace());
                created = true;
            }
            Lease lease = table.take(getNamespace(), self, length, service.localBacklog(getNamespace()));
            lastTakenNanos = started;
            epoch = lease.epoch();
            reportedBacklog = lease.backlog();
            if (problem != null) {
                LOG.info("lease {} can be renewed again", getNamespace());
                problem = null;
            }
            if (lease.mine() && !leading) {
                LOG.info("leads {} (lease epoch {}, {} long)", getNamespace(), lease.epoch(), length);
            } else if (!lease.mine() && leading) {
                LOG.warn("lost the lead of {} to {}", getNamespace(), lease.holder().orElse("nobody"));
            }
            change(lease.mine(), lease.holder());
            awaitExpiry(lease);
        } catch (RuntimeException e) {
            if (problem == null) {
                LOG.warn("cannot renew the lease {}: {}", getNamespace(), Outages.describe(e));
            }
            problem = Outages.describe(e);
            // the lease ends in the database `length` after the last renewal that worked began; stop leading while
            // the next renewal could still come in time, not after
            long held = System.nanoTime() - lastTakenNanos;
            if (leading && held + length.toNanos() / 3 >= length.toNanos() * 9 / 10) {
                LOG.warn("stops leading {}: its lease could not be renewed for {} ms: {}", getNamespace(),
                        Duration.ofNanos(held).toMillis(), problem);
                change(false, Optional.empty());
            }
        }
    }

    /**
     * Another instance holds the lease: try again the moment it ends (by the database's clock, plus a little), not up
     * to a third of a lease later at the next renewal, so a dead leader is replaced within the lease. Its renewals
     * move the end on, and the try with them.
     */
    private void awaitExpiry(Lease lease) {
        if (lease.mine() || lease.holder().isEmpty()) {
            awaitNoExpiry();
            return;
        }
        if (atExpiry != null && lease.until().equals(expiryAwaited)) {
            return;
        }
        awaitNoExpiry();
        try {
            atExpiry = timer.schedule(this::leaseEnded, lease.left().toMillis() + EXPIRY_MARGIN_MS,
                    TimeUnit.MILLISECONDS);
            expiryAwaited = lease.until();
        } catch (RejectedExecutionException stopping) {
            LOG.debug("{}: no try at the end of {}'s lease, jobdrop is stopping", getNamespace(), lease.holder().get());
        }
    }

    private synchronized void leaseEnded() {
        atExpiry = null;
        expiryAwaited = null;
        renew();
    }

    private void awaitNoExpiry() {
        if (atExpiry != null) {
            atExpiry.cancel(false);
            atExpiry = null;
            expiryAwaited = null;
        }
    }

    private void change(boolean nowLeading, Optional<String> nowLeader) {
        boolean changed = nowLeading != leading || !nowLeader.equals(leader);
        leading = nowLeading;
        leader = nowLeader;
        if (!changed) {
            return;
        }
        if (starting) {
            // the route policy starting this view hears it before the context has started its routes, so it starts
            // them with the others (told later, it could miss the moment and leave them stopped)
            fireLeadershipChangedEvent(getLeader());
            return;
        }
        // a policy stops or starts its routes as it hears, and a graceful stop waits for the route's exchanges: never
        // on the thread that renews every lease. A listener reads the view's state when it hears, so the events'
        // order is kept and one heard late changes nothing wrongly.
        service.tell(getNamespace(), () -> fireLeadershipChangedEvent(getLeader()));
    }

    boolean leading() {
        return leading;
    }

    Optional<String> leaderId() {
        return leader;
    }

    long epoch() {
        return epoch;
    }

    /**
     * What waits in this namespace's intake: this instance's own count while it leads, else what the leader reported
     * with its lease (as of this instance's last renewal or try, at most a third of a lease old).
     */
    long backlog() {
        if (leading) {
            return service.localBacklog(getNamespace());
        }
        return leader.isPresent() ? reportedBacklog : 0;
    }

    Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    @Override
    public Optional<CamelClusterMember> getLeader() {
        if (leading) {
            return Optional.of(local);
        }
        return leader.map(id -> new LeaseMember(id, false, () -> true));
    }

    @Override
    public CamelClusterMember getLocalMember() {
        return local;
    }

    @Override
    public List<CamelClusterMember> getMembers() {
        List<CamelClusterMember> members = new ArrayList<>();
        members.add(local);
        getLeader().filter(leader -> !leader.isLocal()).ifPresent(members::add);
        return members;
    }
}
