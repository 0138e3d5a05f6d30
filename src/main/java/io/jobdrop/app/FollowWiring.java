package io.jobdrop.app;

import io.jobdrop.cluster.LeaseClusterService;
import io.jobdrop.follow.FollowPolicy;
import io.jobdrop.follow.GiveWay;
import io.jobdrop.follow.JobFollower;
import io.jobdrop.follow.RecordPoll;
import io.jobdrop.follow.ResultWriter;
import io.jobdrop.forward.ForwardGate;
import io.jobdrop.store.JobLedger;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.Registry;

import java.time.Clock;
import java.time.Duration;

/**
 * Following's beans for routes/follow.camel.yaml, from the jobdrop.follow.* settings: the follower (sharing the
 * orchestrator gate and the outage reports with forwarding) and the results writer. With following off, delivered
 * jobs are not followed and the routes do not start.
 */
final class FollowWiring {

    private FollowWiring() {
    }

    static void bind(CamelContext context, Object owner, Settings props, JobLedger ledger, ForwardGate gate,
                     Outages outages, Clock clock, LeaseClusterService cluster) throws Exception {
        FollowPolicy policy = new FollowPolicy(props.duration("jobdrop.follow.first-poll"),
                props.duration("jobdrop.follow.max-interval"), props.duration("jobdrop.follow.max-age"),
                props.integer("jobdrop.follow.output-bytes", 0), props.integer("jobdrop.follow.batch", 1),
                Duration.ofMillis(props.longValue("jobdrop.follow.poll-ms")), props.duration("jobdrop.follow.lease"),
                props.duration("jobdrop.forward.auth-pause"));
        ledger.rerunUnchangedInboxFiles(props.bool("jobdrop.inbox.rerun-unchanged"));
        if (props.bool("jobdrop.follow.enabled")) {
            ledger.followDelivered(policy.firstPoll());
        }
        // intake first: a round waits, at most max-interval, while more than a write batch is queued at this instance's
        // ledger writers or waits in the inbox or a bucket, as their leaders (this instance or others) count it
        GiveWay giveWay = new GiveWay(() -> Math.max(ledger.writerProgress().waiting(), cluster.intakeBacklog()),
                props.integer("jobdrop.db.write-batch", 1), policy.maxInterval());
        JobFollower follower = new JobFollower(ledger, policy, gate, props.secret("jobdrop.orchestrator.token"), clock,
                giveWay);
        follower.orchestratorStatus(outages);
        Registry registry = context.getRegistry();
        registry.bind("jobFollower", follower);
        registry.bind("recordPoll", new RecordPoll(follower,
                JobdropConfiguration.committedExecutor(context, "follow-committed")));
        registry.bind("followPolicy", policy);
        registry.bind("resultWriter", new ResultWriter(ledger, props.path("jobdrop.inbox")));
        registry.bind("followPool", context.getExecutorServiceManager()
                .newFixedThreadPool(owner, "follow", props.integer("jobdrop.follow.concurrency", 1)));
    }
}
