package io.jobdrop.cluster;

import org.apache.camel.cluster.CamelClusterMember;

import java.util.function.BooleanSupplier;

/** An instance as a view sees it: this one (whose leadership changes as its lease does) or the one that leads. */
final class LeaseMember implements CamelClusterMember {

    private final String id;
    private final boolean local;
    private final BooleanSupplier leader;

    LeaseMember(String id, boolean local, BooleanSupplier leader) {
        this.id = id;
        this.local = local;
        this.leader = leader;
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public boolean isLeader() {
        return leader.getAsBoolean();
    }

    @Override
    public boolean isLocal() {
        return local;
    }

    @Override
    public String toString() {
        return id;
    }
}
