package io.jobdrop.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobdrop.forward.OutboxForwarder;
import io.jobdrop.notify.WebhookUrl;
import io.jobdrop.spec.JobJson;
import io.jobdrop.store.DeliveryState;
import io.jobdrop.store.Disposition;
import io.jobdrop.store.ForwardAttempt;
import io.jobdrop.store.IntakePage;
import io.jobdrop.store.IntakeRecord;
import io.jobdrop.store.JobDetail;
import io.jobdrop.store.JobEvent;
import io.jobdrop.store.JobLedger;
import io.jobdrop.store.JobPage;
import io.jobdrop.store.JobSummary;
import io.jobdrop.store.JobVersion;
import io.jobdrop.store.LedgerStats;
import io.jobdrop.store.NotificationCounts;
import io.jobdrop.store.NotificationEntry;
import io.jobdrop.store.RejectedUnit;
import io.jobdrop.store.Timeline;
import org.apache.camel.Header;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * The status API's reads and replays, each answering JSON: what {@code jobdrop jobs}, {@code show} and
 * {@code replay} do on the command line, plus the intake units ({@code /files}) and counts ({@code /stats}).
 */
public final class StatusApi {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    static final int TIMELINE_INTERVALS = 30;
    static final int DEFAULT_TIMELINE_MINUTES = 15;
    static final int MAX_TIMELINE_MINUTES = 60;

    private final JobLedger ledger;
    private final OutboxForwarder forwarder;
    private final IntakePlacement placement;
    private final Clock clock;

    public StatusApi(JobLedger ledger, OutboxForwarder forwarder, IntakePlacement placement, Clock clock) {
        this.ledger = ledger;
        this.forwarder = forwarder;
        this.placement = placement;
        this.clock = clock;
    }

    /** {@code GET /api/v1/jobs}: {@code {"items":[…],"next":cursor|null}}, newest first. */
    public String jobs(@Header("state") String state, @Header("name") String name, @Header("q") String q,
                       @Header("source") String source, @Header("limit") String limit,
                       @Header("after") String after) {
        DeliveryState delivery;
        try {
            delivery = blank(state) ? null : DeliveryState.parse(state.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badParameter("query parameter state: " + e.getMessage());
        }
        JobPage page = ledger.pageJobs(delivery, emptyToNull(name), emptyToNull(q), emptyToNull(source),
                Cursors.decodeJob(
                emptyToNull(after)), limit(limit));
        ObjectNode body = JobJson.mapper().createObjectNode();
        ArrayNode items = body.putArray("items");
        page.items().forEach(job -> items.add(summary(job)));
        body.put("next", Cursors.encode(page.next()));
        return body.toString();
    }

    /** {@code GET /api/v1/jobs/{idOrName}}: what {@code jobdrop show} prints. */
    public String job(@Header("idOrName") String idOrName) {
        JobDetail detail = ledger.show(idOrName).orElseThrow(() -> unknown(idOrName));
        ObjectNode body = summary(detail.summary());
        body.put("orchestratorJobId", detail.orchestratorJobId()).put("evaluationId", detail.evaluationId());
        body.set("job", json(detail.jobJson()));
        detail.outbox().ifPresentOrElse(o -> body.putObject("outbox").put("version", o.version())
                .put("failures", o.failures()).put("queuedAt", text(o.queuedAt()))
                .put("nextAttemptAt", text(o.nextAttemptAt())).put("leaseUntil", text(o.leaseUntil()))
                .put("leaseOwner", o.leaseOwner()), () -> body.putNull("outbox"));
        ArrayNode versions = body.putArray("versions");
        for (JobVersion v : detail.versions()) {
            versions.addObject().put("version", v.version()).put("source", v.source())
                    .put("createdAt", text(v.createdAt())).set("spec", json(v.specJson()));
        }
        ArrayNode events = body.putArray("events");
        for (JobEvent e : detail.events()) {
            ObjectNode event = events.addObject().put("id", e.id())
                    .put("type", e.type().toString().toLowerCase(Locale.ROOT)).put("version", e.version())
                    .put("source", e.source()).put("at", text(e.at()));
            event.set("detail", detailJson(e.detail()));
        }
        ArrayNode attempts = body.putArray("attempts");
        for (ForwardAttempt a : detail.attempts()) {
            attempts.addObject().put("attempt", a.attempt()).put("version", a.version()).put("at", text(a.at()))
                    .put("statusCode", a.statusCode()).put("latencyMs", a.latencyMs())
                    .put("outcome", a.outcome().toString().toLowerCase(Locale.ROOT)).put("error", a.error());
        }
        ArrayNode executions = body.putArray("executions");
        for (io.jobdrop.store.ExecutionRecord e : ledger.executions(detail.summary().id())) {
            executions.add(e.json());
        }
        return body.toString();
    }

    /** {@code POST /api/v1/jobs/{idOrName}/replay}: {@code {"replayed":0|1}} (0: the job is not a dead letter). */
    public String replay(@Header("idOrName") String idOrName) {
        if (ledger.show(idOrName).isEmpty()) {
            throw unknown(idOrName);
        }
        return replayed(ledger.replay(idOrName));
    }

    /** {@code POST /api/v1/jobs/{idOrName}/rerun}: the rerun is queued; 409 when the job is not delivered. */
    public String rerun(@Header("idOrName") String idOrName) {
        if (ledger.show(idOrName).isEmpty()) {
            throw unknown(idOrName);
        }
        String id;
        try {
            id = ledger.rerun(idOrName, "requested through the HTTP API");
        } catch (IllegalStateException notDelivered) {
            throw new ApiException(409, notDelivered.getMessage());
        }
        JobSummary job = ledger.show(id).orElseThrow(() -> unknown(idOrName)).summary();
        return JobJson.mapper().createObjectNode().put("id", job.id()).put("namespace", job.namespace())
                .put("name", job.name()).put("rerun", "queued").toString();
    }

    /** {@code POST /api/v1/dead-letters/replay}: every dead letter back into the outbox. */
    public String replayDead() {
        return replayed(ledger.replayAllDead());
    }

    /** {@code GET /api/v1/files}: one item per taken file, object or HTTP body, newest first. */
    public String files(@Header("verdict") String verdict, @Header("name") String name,
                        @Header("limit") String limit, @Header("after") String after) {
        Disposition disposition = null;
        if (!blank(verdict)) {
            disposition = switch (verdict) {
                case "accepted" -> Disposition.DONE;
                case "rejected" -> Disposition.ERROR;
                default -> throw ApiException.badParameter("query parameter verdict: expected accepted or rejected,"
                        + " got '" + verdict + "'");
            };
        }
        IntakePage page = ledger.pageIntake(disposition, emptyToNull(name), Cursors.decodeIntake(emptyToNull(after)),
                limit(limit));
        ObjectNode body = JobJson.mapper().createObjectNode();
        ArrayNode items = body.putArray("items");
        for (IntakeRecord unit : page.items()) {
            items.add(unit(unit));
        }
        body.put("next", Cursors.encode(page.next()));
        return body.toString();
    }

    /**
     * {@code GET /api/v1/files/{id}}: one unit as {@code /files} lists it, with {@code text}: what a rejected unit
     * held (so its report can mark the lines its errors name); null for an accepted one.
     */
    public String file(@Header("id") String id) {
        UnitIds.UnitKey key = UnitIds.parse(id);
        RejectedUnit found = ledger.intakeUnit(key.source(), key.claimKey())
                .orElseThrow(() -> ApiException.notFound("no taken file with id '" + id + "'"));
        return unit(found.unit()).put("text", found.text()).toString();
    }

    /**
     * {@code GET /api/v1/stats/timeline?minutes=15}: units taken (accepted, rejected) and forwards per interval, 30
     * intervals over the last {@code minutes} (1 to 60), the last one ending at the next whole interval, so the
     * intervals stay put from one refresh to the next.
     */
    public String timeline(@Header("minutes") String minutes) {
        int span = minutes(minutes);
        Duration step = Duration.ofSeconds(span * 60L / TIMELINE_INTERVALS);
        long stepSeconds = step.toSeconds();
        long end = Math.floorDiv(clock.instant().getEpochSecond(), stepSeconds) * stepSeconds + stepSeconds;
        Timeline timeline = ledger.timeline(Instant.ofEpochSecond(end).minus(step.multipliedBy(TIMELINE_INTERVALS)),
                step, TIMELINE_INTERVALS);
        ObjectNode body = JobJson.mapper().createObjectNode().put("from", text(timeline.from()))
                .put("stepSeconds", stepSeconds);
        ArrayNode intervals = body.putArray("intervals");
        for (Timeline.Interval i : timeline.intervals()) {
            intervals.addObject().put("start", text(i.start())).put("taken", i.taken()).put("accepted", i.accepted())
                    .put("rejected", i.rejected()).put("forwarded", i.forwarded());
        }
        return body.toString();
    }

    private ObjectNode unit(IntakeRecord unit) {
        ObjectNode item = JobJson.mapper().createObjectNode().put("id", UnitIds.of(unit)).put("source", unit.source())
                .put("name", unit.name()).put("time", text(unit.takenAt()))
                .put("verdict", unit.disposition() == Disposition.DONE ? "accepted" : "rejected");
        item.set("errors", unit.errorsJson() == null ? JobJson.mapper().createArrayNode() : json(unit.errorsJson()));
        item.set("jobs", unit.jobsJson() == null ? JobJson.mapper().createArrayNode() : json(unit.jobsJson()));
        item.put("placedAs", placement.of(unit));
        // once every job of the unit ended: what <file>.result.json holds (for a posted body, only here)
        item.set("result", unit.resultJson() == null ? null : json(unit.resultJson()));
        return item;
    }

    private static int minutes(String text) {
        if (blank(text)) {
            return DEFAULT_TIMELINE_MINUTES;
        }
        try {
            int minutes = Integer.parseInt(text.trim());
            if (minutes >= 1 && minutes <= MAX_TIMELINE_MINUTES) {
                return minutes;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw ApiException.badParameter("query parameter minutes: expected a whole number from 1 to "
                + MAX_TIMELINE_MINUTES + ", got '" + text + "'");
    }

    /** {@code GET /api/v1/stats}: counts by verdict and delivery state, outbox depth, oldest queued age. */
    public String stats() {
        LedgerStats stats = ledger.stats();
        ObjectNode body = JobJson.mapper().createObjectNode();
        ObjectNode files = body.putObject("files");
        stats.filesByVerdict().forEach(files::put);
        ObjectNode jobs = body.putObject("jobs");
        stats.jobsByDelivery().forEach(jobs::put);
        ObjectNode outbox = body.putObject("outbox");
        outbox.put("depth", stats.outboxDepth());
        stats.outboxByState().forEach(outbox::put);
        if (stats.oldestQueuedAt() == null) {
            body.putNull("oldestQueuedAgeSeconds");
        } else {
            body.put("oldestQueuedAgeSeconds",
                    Math.max(0, Duration.between(stats.oldestQueuedAt(), clock.instant()).toMillis()) / 1000.0);
        }
        body.put("deadLetters", stats.deadLetters());
        NotificationCounts notifications = ledger.notificationCounts();
        body.putObject("notifications").put("pending", notifications.pending())
                .put("failed", notifications.failed()).put("delivered", notifications.delivered());
        return body.toString();
    }

    /** {@code GET /api/v1/notifications}: webhook notifications, newest first, optionally of one state. */
    public String notifications(@Header("state") String state, @Header("limit") String limit) {
        if (!blank(state) && !state.equals("pending") && !state.equals("failed") && !state.equals("delivered")) {
            throw ApiException.badParameter("query parameter state: expected pending, failed or delivered, got '"
                    + state + "'");
        }
        ObjectNode body = JobJson.mapper().createObjectNode();
        ArrayNode items = body.putArray("items");
        for (NotificationEntry n : ledger.listNotifications(emptyToNull(state), limit(limit))) {
            ObjectNode item = items.addObject().put("id", n.id()).put("eventId", n.eventId())
                    .put("type", n.type()).put("subject", n.subject()).put("url", WebhookUrl.redacted(n.url())).put("state", n.state())
                    .put("attempts", n.attempts()).put("created", text(n.createdAt()))
                    .put("nextAttempt", text(n.nextAttemptAt())).put("settled", text(n.settledAt()));
            if (n.lastStatus() == null) {
                item.putNull("lastStatus");
            } else {
                item.put("lastStatus", n.lastStatus());
            }
            item.put("lastError", n.lastError());
        }
        return body.toString();
    }

    private String replayed(int n) {
        if (n > 0) {
            forwarder.nudge();
        }
        return JobJson.mapper().createObjectNode().put("replayed", n).toString();
    }

    static ObjectNode summary(JobSummary job) {
        return JobJson.mapper().createObjectNode().put("id", job.id()).put("namespace", job.namespace())
                .put("name", job.name()).put("version", job.version()).put("revision", job.revision())
                .put("delivery", job.delivery().wireName()).put("state", job.state())
                .put("createTime", text(job.createTime())).put("modifyTime", text(job.modifyTime()))
                .put("updatedAt", text(job.updatedAt())).put("lastError", job.lastError());
    }

    private static int limit(String text) {
        if (blank(text)) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(text.trim());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw ApiException.badParameter("query parameter limit: expected a whole number from 1 to " + MAX_LIMIT
                + ", got '" + text + "'");
    }

    private static ApiException unknown(String idOrName) {
        return ApiException.notFound("no job with ID or name '" + idOrName + "'");
    }

    /** Event details are JSON (warnings, errors) or plain words ("same spec as version 1"). */
    private static JsonNode detailJson(String detail) {
        if (detail == null) {
            return JobJson.mapper().nullNode();
        }
        if (detail.startsWith("[") || detail.startsWith("{")) {
            try {
                return JobJson.mapper().readTree(detail);
            } catch (IOException e) {
                // not JSON after all: kept as the text it is
            }
        }
        return JobJson.mapper().getNodeFactory().textNode(detail);
    }

    private static JsonNode json(String text) {
        if (text == null) {
            return JobJson.mapper().nullNode();
        }
        try {
            return JobJson.mapper().readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static String emptyToNull(String text) {
        return blank(text) ? null : text;
    }
}
