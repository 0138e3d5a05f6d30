package io.jobdrop.app;

import com.zaxxer.hikari.HikariDataSource;
import io.jobdrop.api.ApiErrors;
import io.jobdrop.api.ApiServer;
import io.jobdrop.api.ImportsApi;
import io.jobdrop.api.Dashboard;
import io.jobdrop.api.IntakePlacement;
import io.jobdrop.api.StatusApi;
import io.jobdrop.follow.BucketResults;
import io.jobdrop.follow.ResultWriter;
import io.jobdrop.cluster.LeaseClusterService;
import io.jobdrop.forward.ForwardGate;
import io.jobdrop.forward.ForwardPolicy;
import io.jobdrop.forward.OutboxForwarder;
import io.jobdrop.forward.RecordAttempt;
import io.jobdrop.forward.ResponseClassifier;
import io.jobdrop.intake.BucketConnection;
import io.jobdrop.intake.BucketHealthCheck;
import io.jobdrop.intake.BucketIntake;
import io.jobdrop.intake.BucketPollErrors;
import io.jobdrop.intake.BucketRoutes;
import io.jobdrop.intake.BucketSettings;
import io.jobdrop.intake.BucketStatus;
import io.jobdrop.intake.DropOrder;
import io.jobdrop.intake.HttpIntake;
import io.jobdrop.intake.InboxFiler;
import io.jobdrop.intake.InboxFilter;
import io.jobdrop.intake.InboxIntake;
import io.jobdrop.intake.InboxMarker;
import io.jobdrop.intake.InboxScheduler;
import io.jobdrop.intake.ScanSelection;
import io.jobdrop.intake.InboxWatch;
import io.jobdrop.intake.InboxSettler;
import io.jobdrop.intake.InboxStatus;
import io.jobdrop.intake.IntakeLog;
import io.jobdrop.intake.JobFileIntake;
import io.jobdrop.intake.RetryBackoff;
import io.jobdrop.intake.StableFileFilter;
import io.jobdrop.intake.table.TableIntakes;
import io.jobdrop.intake.imports.ImportView;
import io.jobdrop.intake.imports.ImportsWiring;
import io.jobdrop.ingest.JobDefaults;
import io.jobdrop.ingest.JobFileReader;
import io.jobdrop.ingest.JobIds;
import io.jobdrop.ingest.ReadLimits;
import io.jobdrop.ingest.Stamper;
import io.jobdrop.store.JobLedger;
import io.jobdrop.store.LedgerCompaction;
import io.jobdrop.store.LedgerDatabase;
import io.jobdrop.store.LedgerHousekeeping;
import io.jobdrop.store.LedgerException;
import io.jobdrop.store.NotifyTargets;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.ThreadPoolBuilder;
import org.apache.camel.component.micrometer.routepolicy.MicrometerRoutePolicyConfiguration;
import org.apache.camel.component.micrometer.routepolicy.MicrometerRoutePolicyFactory;
import org.apache.camel.spi.Registry;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3Client;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Builds jobdrop's beans from the jobdrop.* properties and binds them for the routes: the ledger, the job reader,
 * the intake and forward steps, and the health checks. Routes refer to them by name.
 */
public final class JobdropConfiguration implements CamelConfiguration {

    /** The cluster namespace of the inbox scan (routes/intake.camel.yaml: routePolicy leadership-inbox). */
    static final String INBOX_NAMESPACE = "inbox";

    @Override
    public void configure(CamelContext context) throws Exception {
        Settings props = JobdropMain.of(context);
        Registry registry = context.getRegistry();
        Clock clock = Clock.systemUTC();

        String ledgerUrl = LedgerUrl.checked(props);
        long compactFromMb = props.longValue("jobdrop.db.compact-at-start-mb");
        if (compactFromMb > 0) {
            compactIfWasteful(ledgerUrl, prop(props, "jobdrop.db.user"), props.secret("jobdrop.db.password"),
                    compactFromMb << 20);
        }
        HikariDataSource dataSource = LedgerDatabase.open(ledgerUrl, prop(props, "jobdrop.db.user"),
                props.secret("jobdrop.db.password"));
        dataSource.setMaximumPoolSize(props.integer("jobdrop.db.pool-size", 1));
        context.addService(new Closer(dataSource));
        context.addService(new Closer(LedgerHousekeeping.start(dataSource,
                props.duration("jobdrop.db.housekeeping-interval"))));
        NotifyTargets notifyTargets = NotifyWiring.targets(props);
        // one name per context for every lease this instance holds: outbox items, cluster leases, import fires
        String instance = instanceId(props);
        JobLedger ledger = new JobLedger(dataSource, clock, instance, ledgerWriters(props, dataSource),
                props.integer("jobdrop.db.write-batch", 1), notifyTargets);
        // stopped before the pool (services stop in reverse order): the last writes commit first
        context.addService(new Closer(ledger));
        LeaseClusterService cluster = ClusterWiring.bind(context, props, dataSource, instance);
        ClusterWiring.leadership(context, cluster, INBOX_NAMESPACE);

        JobFileReader reader = new JobFileReader(props.bool("jobdrop.template.enabled"), props.templateVars(),
                new Stamper(clock, jobIds(props).uuids(clock)), JobDefaults.BACALHAU,
                ReadLimits.from(props::longValue));
        IntakeLog intakeLog = new IntakeLog();
        PipelineMetrics metrics = bindMetrics(context, ledger, clock, ledgerUrl);
        JobFileIntake fileIntake = new JobFileIntake(reader, ledger, intakeLog,
                committedExecutor(context, "intake-committed"), metrics);

        ForwardPolicy policy = new ForwardPolicy(
                props.integer("jobdrop.forward.max-attempts", 1),
                duration(props, "jobdrop.forward.max-age"),
                duration(props, "jobdrop.forward.backoff-initial"),
                duration(props, "jobdrop.forward.backoff-max"),
                duration(props, "jobdrop.forward.auth-pause"),
                Duration.ofSeconds(1),
                Duration.ofHours(1));
        ForwardGate gate = new ForwardGate();
        OutboxForwarder forwarder = new OutboxForwarder(ledger, new ResponseClassifier(policy, gate), gate,
                props.secret("jobdrop.orchestrator.token"),
                props.integer("jobdrop.forward.batch", 1), duration(props, "jobdrop.forward.lease"),
                Duration.ofMillis(props.longValue("jobdrop.forward.poll-ms")), clock, metrics);
        forwarder.resumeJobsRefusedOtherCredentials();

        registry.bind("ledger", ledger);
        registry.bind("jobReader", reader);
        registry.bind("intakeLog", intakeLog);
        Path inbox = props.path("jobdrop.inbox");
        InboxMarker.claim(inbox, ledger.identity(), prop(props, "jobdrop.db.url"), props.bool("jobdrop.inbox.take-over"));
        RetryBackoff inboxBackoff = new RetryBackoff(Math.max(100, props.longValue("jobdrop.inbox.poll-ms")), 30_000);
        InboxStatus inboxStatus = new InboxStatus();
        ScanSelection scanSelection = new ScanSelection(inbox, inboxBackoff,
                props.integer("jobdrop.inbox.max-per-poll", 1));
        cluster.reportBacklog(INBOX_NAMESPACE, scanSelection::waiting);
        InboxScheduler inboxScheduler = new InboxScheduler(Duration.ofMillis(props.longValue("jobdrop.inbox.poll-ms")),
                scanSelection);
        registry.bind("inboxScheduler", inboxScheduler);
        context.addService(new Closer(InboxWatch.start(inbox, inboxScheduler)));
        registry.bind("inboxIntake", new InboxIntake(fileIntake, judges(context, props),
                props.integer("jobdrop.inbox.max-in-flight", 1), props.longValue("jobdrop.limits.file-bytes"),
                inboxBackoff));
        registry.bind("inboxSettler", new InboxSettler(new InboxFiler(inbox), ledger, inboxBackoff, inboxStatus));
        registry.bind("dropOrder", new DropOrder());
        registry.bind("inboxFilter", new InboxFilter(
                new StableFileFilter(props.longValue("jobdrop.inbox.stable-ms")), inboxBackoff, scanSelection));
        // the files camel-file has handed on and not yet seen done: a plain set. Camel's default, an LRU cache of
        // 50,000, slows down for good after some 100,000 files have passed through it (11 ms for each file a scan
        // lists, measured with Camel 4.18; CAMEL-23267 replaces it later); it holds only the files in flight, at most
        // a scan's, so it needs no bound
        registry.bind("inboxInProgress",
                MemoryIdempotentRepository.memoryIdempotentRepository(new ConcurrentHashMap<>()));
        registry.bind("outboxForwarder", forwarder);
        registry.bind("recordAttempt", new RecordAttempt(forwarder,
                committedExecutor(context, "forward-committed")));
        registry.bind("forwardGate", gate);
        Outages outages = new Outages();
        ledger.listener(outages);
        forwarder.orchestratorStatus(outages);
        context.getManagementStrategy().addEventNotifier(new RouteRecovery(outages));
        registry.bind("outages", outages);
        registry.bind("forwardPool", context.getExecutorServiceManager()
                .newFixedThreadPool(this, "forward", props.integer("jobdrop.forward.concurrency", 1)));
        Duration stallAfter = duration(props, "jobdrop.health.stall-after");
        registry.bind("ledgerHealth", new LedgerHealthCheck(ledger, outages, stallAfter));
        InboxHealthCheck inboxHealth = new InboxHealthCheck(inbox, inboxStatus, context, "inbox-intake", outages,
                stallAfter, inboxScheduler, () -> cluster.isLeader(INBOX_NAMESPACE));
        registry.bind("inboxHealth", inboxHealth);
        // the inbox watchdog acts (restarts a dead consumer) whether or not anyone asks for health
        context.getExecutorServiceManager().newSingleThreadScheduledExecutor(this, "inbox-watchdog")
                .scheduleWithFixedDelay(inboxHealth::call, 5, 5, TimeUnit.SECONDS);
        registry.bind("orchestratorHealth", new OrchestratorHealthCheck(props.orchestratorUrl().toString(), gate));
        FollowWiring.bind(context, this, props, ledger, gate, outages, clock, cluster);
        NotifyWiring.bind(context, this, props, notifyTargets, ledger, clock);
        bindBuckets(context, props, fileIntake, clock, cluster);
        TableIntakes.bind(context, props, reader, fileIntake, ledger, outages, clock);
        ImportsWiring.bind(context, props, dataSource, reader, fileIntake, clock, instance);
        bindApi(context, props, reader, fileIntake, ledger, forwarder, clock);
        LoggerFactory.getLogger("jobdrop").info(StartupSummary.of(props));
    }

    /**
     * jobdrop's series in the Prometheus registry behind /observe/metrics, beside Camel's and the JVM's; and Camel's
     * route metrics without the outbox's 10 ms timer route, whose ticks would drown the routes that carry jobs.
     */
    private static PipelineMetrics bindMetrics(CamelContext context, JobLedger ledger, Clock clock, String ledgerUrl) {
        // Camel Main makes the registry before this runs when camel.metrics.enabled; a test context may not
        PrometheusMeterRegistry registry = context.getRegistry().lookupByNameAndType("metricsRegistry",
                PrometheusMeterRegistry.class);
        if (registry == null) {
            registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            context.getRegistry().bind("metricsRegistry", registry);
        }
        MicrometerRoutePolicyConfiguration routeMetrics = new MicrometerRoutePolicyConfiguration();
        routeMetrics.setExcludePattern("drain-outbox");
        MicrometerRoutePolicyFactory routePolicies = new MicrometerRoutePolicyFactory();
        routePolicies.setMeterRegistry(registry);
        routePolicies.setPolicyConfiguration(routeMetrics);
        context.addRoutePolicyFactory(routePolicies);
        PipelineMetrics metrics = new PipelineMetrics(registry, ledger, clock, Duration.ofSeconds(1));
        LedgerCompaction.file(ledgerUrl).ifPresent(metrics::ledgerFile);
        return metrics;
    }

    /** The HTTP API's beans (routes/api.camel.yaml) and the guard on its server. */
    private void bindApi(CamelContext context, Settings props, JobFileReader reader,
                         JobFileIntake fileIntake, JobLedger ledger, OutboxForwarder forwarder, Clock clock)
            throws Exception {
        Registry registry = context.getRegistry();
        registry.bind("httpIntake", new HttpIntake(reader, fileIntake,
                props.duration("jobdrop.api.idempotency-lifetime")));
        IntakePlacement placement = new IntakePlacement(prop(props, "jobdrop.inbox"), BucketSettings.parse(
                prop(props, "jobdrop.s3.bucket"), prop(props, "jobdrop.s3.prefix"),
                prop(props, "jobdrop.s3.done-prefix"), prop(props, "jobdrop.s3.error-prefix"),
                prop(props, "jobdrop.s3.after"), props.integer("jobdrop.s3.max-per-poll")));
        registry.bind("statusApi", new StatusApi(ledger, forwarder, placement, clock));
        registry.bind("apiErrors", new ApiErrors());
        registry.bind("importsApi", new ImportsApi(registry.lookupByNameAndType("importView", ImportView.class), clock));
        context.addStartupListener(new ApiServer(prop(props, "jobdrop.api.host"), props.secret("jobdrop.api.token"),
                props.longValue("jobdrop.limits.file-bytes")));
        if (props.bool("jobdrop.dashboard.enabled")) {
            context.addStartupListener(new Dashboard());
        }
    }

    /**
     * One bucket-intake route per configured bucket (none when jobdrop.s3.bucket is empty), sharing one S3 client and
     * one pool for the objects in flight; each with its intake bean and a health check.
     */
    private void bindBuckets(CamelContext context, Settings props, JobFileIntake fileIntake, Clock clock,
                             LeaseClusterService cluster) throws Exception {
        List<BucketSettings> buckets = BucketSettings.parse(prop(props, "jobdrop.s3.bucket"),
                prop(props, "jobdrop.s3.prefix"), prop(props, "jobdrop.s3.done-prefix"),
                prop(props, "jobdrop.s3.error-prefix"), prop(props, "jobdrop.s3.after"),
                props.integer("jobdrop.s3.max-per-poll"));
        if (buckets.isEmpty()) {
            return;
        }
        Registry registry = context.getRegistry();
        BucketConnection connection = new BucketConnection(prop(props, "jobdrop.s3.endpoint"),
                prop(props, "jobdrop.s3.region"), prop(props, "jobdrop.s3.access-key"),
                prop(props, "jobdrop.s3.secret-key"),
                Duration.ofMillis(props.longValue("jobdrop.s3.timeout-ms")));
        S3Client client = connection.open();
        context.addService(new Closer(client));
        Duration poll = Duration.ofMillis(props.longValue("jobdrop.s3.poll-ms"));
        BucketRoutes routes = new BucketRoutes();
        for (BucketSettings bucket : buckets) {
            String routeId = routes.routeIdFor(bucket);
            BucketStatus status = new BucketStatus(poll);
            BucketIntake intake = new BucketIntake(bucket, client, connection, status, fileIntake, clock,
                    props.longValue("jobdrop.limits.file-bytes"));
            registry.bind(routeId + "-intake", intake);
            cluster.reportBacklog(routeId, intake::backlog);
            registry.bind(routeId + "-health", new BucketHealthCheck(routeId, bucket.location(), status));
            ClusterWiring.leadership(context, cluster, routeId); // each bucket's listing is led on its own
            routes.add(routeId, routeId + "-intake", ClusterWiring.policyName(routeId));
        }
        registry.bind("bucketRoutes", routes);
        registry.lookupByNameAndType("resultWriter", ResultWriter.class).buckets(new BucketResults(client, buckets));
        registry.bind("bucketPollErrors", new BucketPollErrors());
        registry.bind("bucketPool", context.getExecutorServiceManager()
                .newFixedThreadPool(this, "bucket", props.integer("jobdrop.s3.concurrency", 1)));
    }

    /** jobdrop.inbox.judges threads (empty: one per core) judge inbox files side by side. */
    private static ExecutorService judges(CamelContext context, Settings props) throws Exception {
        String key = "jobdrop.inbox.judges";
        int judges = props.text(key).isEmpty() ? Runtime.getRuntime().availableProcessors() : props.integer(key, 1);
        // the queue holds at most jobdrop.inbox.max-in-flight files: the intake waits for room before it reads one
        return new ThreadPoolBuilder(context).poolSize(judges).maxPoolSize(judges).maxQueueSize(Integer.MAX_VALUE)
                .build(JobdropConfiguration.class, "judge");
    }

    /**
     * One thread that carries on the exchanges whose ledger writes were committed. Its queue is unbounded: a full
     * queue would make the ledger's writer run route steps itself (or drop them), and a route step that waits for
     * the ledger would then wait for itself. What is in flight is bounded upstream (inbox in-flight limit, forward
     * batch, follow batch).
     */
    static ExecutorService committedExecutor(CamelContext context, String name) throws Exception {
        // Camel reads a queue size of 0 or less as "no queue" (a SynchronousQueue), not as unbounded
        return new ThreadPoolBuilder(context).poolSize(1).maxPoolSize(1).maxQueueSize(Integer.MAX_VALUE)
                .build(JobdropConfiguration.class, name);
    }

    /**
     * An H2 ledger file of at least {@code fromBytes} that is less than half live is compacted before it is opened
     * (see {@link LedgerCompaction}); one that cannot be compacted is opened as it is.
     */
    private static void compactIfWasteful(String url, String user, String password, long fromBytes) {
        Logger log = LoggerFactory.getLogger("jobdrop.ledger");
        try {
            LedgerCompaction.occupancy(url, user, password, fromBytes)
                    .filter(LedgerCompaction.Occupancy::wasteful).ifPresent(occupancy -> {
                        log.info("compacting the ledger ({}) before opening it", occupancy.describe());
                        log.info("ledger compacted: {}", LedgerCompaction.compact(url, user, password).describe());
                    });
        } catch (LedgerException e) {
            log.warn("the ledger was not compacted, it is opened as it is: {}", e.getMessage());
        }
    }

    private static String prop(Settings props, String key) {
        return props.text(key);
    }

    private static Duration duration(Settings props, String key) {
        return props.duration(key);
    }

    /** jobdrop.job-ids: how the IDs stamped on new jobs are made. */
    static JobIds jobIds(Settings props) {
        return JobIds.of(props.oneOf(JobIds.KEY, JobIds.words()));
    }

    /**
     * jobdrop.db.writers, or when empty what suits the database. Each writer holds a pooled connection while it
     * writes, so they must leave some of the pool to the readers.
     */
    static int ledgerWriters(Settings props, HikariDataSource dataSource) {
        String key = "jobdrop.db.writers";
        int writers = props.text(key).isEmpty() ? LedgerDatabase.defaultWriters(dataSource.getJdbcUrl())
                : props.integer(key, 1);
        if (writers >= dataSource.getMaximumPoolSize()) {
            throw new SettingException(key, key + " = " + writers + " leaves no connection of jobdrop.db.pool-size = "
                    + dataSource.getMaximumPoolSize() + " to the readers; use fewer writers or a larger pool");
        }
        return writers;
    }

    /**
     * This context's name as a lease owner: jobdrop.cluster.instance, or host name and PID, with a random tail that
     * keeps two instances apart even when host name and PID repeat (containers, two contexts in one JVM in tests).
     */
    private static String instanceId(Settings props) {
        String named = props.text("jobdrop.cluster.instance");
        if (named.isBlank()) {
            try {
                named = InetAddress.getLocalHost().getHostName() + "-" + ProcessHandle.current().pid();
            } catch (Exception e) {
                named = "localhost-" + ProcessHandle.current().pid();
            }
        }
        return named + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Closes the connection pool when Camel stops, after the routes have drained. */
    private static final class Closer extends ServiceSupport {
        private final AutoCloseable resource;

        Closer(AutoCloseable resource) {
            this.resource = resource;
        }

        @Override
        protected void doStop() throws Exception {
            resource.close();
        }
    }
}
