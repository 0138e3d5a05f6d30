package io.jobdrop.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobdrop.spec.JobJson;

import java.io.UncheckedIOException;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * Turns the notifiable events into rows of the notification outbox, inside the transaction that writes the event: a
 * CloudEvents 1.0 structured-mode JSON event, one row per webhook URL, all rows of one event sharing its id.
 * Notifiable: a job's end as the orchestrator reports it ({@code completed}, {@code failed}, {@code stopped}), a dead
 * letter ({@code dead}) and a rejected file ({@code rejected} without a job).
 */
final class Notifier {

    static final String TYPE_PREFIX = "io.jobdrop.";
    static final String SPEC_VERSION = "1.0";

    private final NotifyTargets targets;
    /** jobdrop://<ledger id>: the same for every instance sharing the ledger; read once, on the first event. */
    private volatile String source;

    Notifier(NotifyTargets targets) {
        this.targets = targets;
    }

    /** The CloudEvent type of an event, null when it is not notified. */
    static String cloudEventType(JobRef job, EventType type) {
        return switch (type) {
            case COMPLETED, FAILED, STOPPED, DEAD -> job == null ? null : TYPE_PREFIX + "job." + type.wireName();
            case REJECTED -> job == null ? TYPE_PREFIX + "file.rejected" : null;
            default -> null;
        };
    }

    /** Called for every event; costs nothing (no statement) when notifications are off or the event is not notified. */
    void written(Connection c, JobRef job, EventType type, String origin, String detail, Instant at)
            throws SQLException {
        if (targets.off()) {
            return;
        }
        String ceType = cloudEventType(job, type);
        if (ceType == null) {
            return;
        }
        String eventId = UUID.randomUUID().toString();
        String subject = job == null ? origin : job.id();
        String payload = payload(c, eventId, ceType, subject, at, data(job, type, origin, detail));
        for (URI url : targets.urls()) {
            NotificationTable.insert(c, UUID.randomUUID().toString(), eventId, url.toString(), ceType, subject,
                    payload, at);
        }
    }

    private String payload(Connection c, String eventId, String type, String subject, Instant at, ObjectNode data)
            throws SQLException {
        // a tree, not a map: the shared mapper sorts map keys, and the attributes read best in the spec's order
        ObjectNode event = JobJson.mapper().createObjectNode()
                .put("specversion", SPEC_VERSION)
                .put("id", eventId)
                .put("source", source(c))
                .put("type", type)
                .put("subject", subject)
                .put("time", DateTimeFormatter.ISO_INSTANT.format(at))
                .put("datacontenttype", "application/json");
        event.set("data", data);
        return write(event);
    }

    private static ObjectNode data(JobRef job, EventType type, String origin, String detail) {
        ObjectNode data = JobJson.mapper().createObjectNode();
        if (job == null) {
            data.put("file", origin);
            data.set("errors", problems(detail));
            return data;
        }
        data.put("jobId", job.id()).put("name", job.name()).put("namespace", job.namespace())
                .put("version", job.version()).put("state", type.wireName()).put("message", detail);
        return data;
    }

    /** The rejection's problems as written by ProblemsJson: [{"message","path","line","column"}]. */
    private static JsonNode problems(String detail) {
        if (detail == null || detail.isBlank()) {
            return JobJson.mapper().createArrayNode();
        }
        try {
            return JobJson.mapper().readTree(detail);
        } catch (JsonProcessingException e) {
            return JobJson.mapper().createArrayNode().add(JobJson.mapper().createObjectNode().put("message", detail));
        }
    }

    private String source(Connection c) throws SQLException {
        String known = source;
        if (known == null) {
            try (PreparedStatement s = c.prepareStatement("SELECT ledger_id FROM ledger_identity WHERE singleton = 1");
                 ResultSet r = s.executeQuery()) {
                known = "jobdrop://" + (r.next() ? r.getString(1) : "unknown-ledger");
            }
            source = known;
        }
        return known;
    }

    private static String write(JsonNode node) {
        try {
            return JobJson.mapper().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
