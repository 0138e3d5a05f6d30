package io.jobdrop.ingest;

import io.jobdrop.spec.JobJson;
import io.jobdrop.spec.Problem;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * A verdict as people and tools read it: one JSON object per file (what {@code validate --json} prints and what
 * {@code <file>.error.json} holds) or a few lines of text.
 */
public final class VerdictReport {

    private VerdictReport() {
    }

    /** {@code {"file","verdict","errors":[{message,path,line,column}],"warnings":[...],"jobs":[...]}} on one line. */
    public static String json(FileVerdict verdict) {
        ObjectMapper mapper = JobJson.mapper();
        ObjectNode report = mapper.createObjectNode();
        report.put("file", verdict.file());
        report.put("verdict", verdict.accepted() ? "accepted" : "rejected");
        report.set("errors", problems(mapper, verdict.errors()));
        report.set("warnings", problems(mapper, verdict.warnings()));
        ArrayNode jobs = report.putArray("jobs");
        verdict.jobs().forEach(job -> jobs.add(mapper.valueToTree(job.job())));
        return report.toString();
    }

    /** {@code file: verdict} and then one line per error and warning: {@code line:column path: message}. */
    public static String text(FileVerdict verdict) {
        StringBuilder out = new StringBuilder(verdict.file()).append(": ");
        if (verdict.accepted()) {
            out.append("accepted (").append(verdict.jobs().size()).append(verdict.jobs().size() == 1 ? " job: " : " jobs: ");
            out.append(String.join(", ", verdict.jobs().stream().map(j -> j.job().name).toList())).append(')');
        } else {
            out.append("rejected");
        }
        verdict.errors().forEach(p -> line(out, "error", p));
        verdict.warnings().forEach(p -> line(out, "warning", p));
        return out.toString();
    }

    private static void line(StringBuilder out, String kind, Problem p) {
        out.append("\n  ").append(kind).append(' ');
        if (p.line() > 0) {
            out.append(p.line()).append(':').append(p.column()).append(' ');
        }
        if (!p.path().isEmpty()) {
            out.append(p.path()).append(": ");
        }
        out.append(p.message().replace("\n", "\n    "));
    }

    private static ArrayNode problems(ObjectMapper mapper, List<Problem> problems) {
        ArrayNode array = mapper.createArrayNode();
        for (Problem p : problems) {
            array.addObject().put("message", p.message()).put("path", p.path()).put("line", p.line()).put("column", p.column());
        }
        return array;
    }
}
