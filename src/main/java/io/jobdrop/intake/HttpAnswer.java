package io.jobdrop.intake;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobdrop.ingest.FileVerdict;
import io.jobdrop.ingest.VerdictReport;
import io.jobdrop.spec.JobJson;
import io.jobdrop.spec.Problem;
import io.jobdrop.store.Change;
import io.jobdrop.store.DeliveryState;
import io.jobdrop.store.FileOutcome;
import io.jobdrop.store.JobChange;
import io.jobdrop.store.StoredAnswer;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The answer to a posted job file: what was recorded, or why it was refused. */
final class HttpAnswer {

    private HttpAnswer() {
    }

    /**
     * 201 when some job was created or updated, 200 when all were unchanged:
     * {@code {"verdict":"accepted","jobs":[{id,name,namespace,version,change,state}],"warnings":[...]}};
     * 400 with the object {@code validate --json} prints for a rejected body.
     */
    static StoredAnswer recorded(FileVerdict verdict, FileOutcome outcome, Map<String, DeliveryState> deliveries) {
        if (!verdict.accepted()) {
            return new StoredAnswer(400, VerdictReport.json(verdict));
        }
        ObjectNode body = JobJson.mapper().createObjectNode().put("verdict", "accepted");
        ArrayNode jobs = body.putArray("jobs");
        boolean changed = false;
        for (JobChange change : outcome.changes()) {
            changed |= change.change() != Change.UNCHANGED;
            DeliveryState delivery = deliveries.get(change.jobId());
            jobs.addObject().put("id", change.jobId()).put("name", change.name())
                    .put("namespace", change.namespace()).put("version", change.version())
                    .put("change", change.change().name().toLowerCase(Locale.ROOT))
                    .put("state", delivery == null ? null : delivery.wireName());
        }
        body.set("warnings", problems(verdict.warnings()));
        return new StoredAnswer(changed ? 201 : 200, body.toString());
    }

    /** A dry run judges without recording: the {@code validate --json} object, 200 or 400. */
    static StoredAnswer judged(FileVerdict verdict) {
        return new StoredAnswer(verdict.accepted() ? 200 : 400, VerdictReport.json(verdict));
    }

    private static ArrayNode problems(List<Problem> problems) {
        ArrayNode array = JobJson.mapper().createArrayNode();
        for (Problem p : problems) {
            array.addObject().put("message", p.message()).put("path", p.path()).put("line", p.line())
                    .put("column", p.column());
        }
        return array;
    }
}
