package io.jobdrop.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.jobdrop.spec.JobJson;
import io.jobdrop.spec.Problem;

import java.io.UncheckedIOException;
import java.util.List;

/** Problems as the JSON array reports and events carry: {@code [{"message","path","line","column"}]}. */
final class ProblemsJson {

    private ProblemsJson() {
    }

    /** Null when there are none, so an event without warnings has no detail. */
    static String writeAny(List<Problem> problems) {
        return problems == null || problems.isEmpty() ? null : write(problems);
    }

    // tree nodes, not maps: the shared mapper sorts map keys, and this order is the contract's
    static String write(List<Problem> problems) {
        ArrayNode array = JobJson.mapper().createArrayNode();
        for (Problem p : problems) {
            array.addObject()
                    .put("message", p.message())
                    .put("path", p.path())
                    .put("line", p.line())
                    .put("column", p.column());
        }
        try {
            return JobJson.mapper().writeValueAsString(array);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
