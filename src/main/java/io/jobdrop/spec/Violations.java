package io.jobdrop.spec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Collects errors (or warnings) while a job is checked, the way Bacalhau composes them: nested checks add a message
 * prefix ({@code task main validation failed: invalid resources: }) and a field-path prefix ({@code Tasks[0].Resources}).
 * Unlike Go's {@code errors.Join}, each leaf failure stays its own entry, so each can point at its own line.
 */
public final class Violations {

    /** One collected failure: the full Bacalhau message and the field path it belongs to. */
    public record Entry(String path, String message) {
    }

    private final List<Entry> sink;
    private final String pathPrefix;
    private final String messagePrefix;

    private Violations(List<Entry> sink, String pathPrefix, String messagePrefix) {
        this.sink = sink;
        this.pathPrefix = pathPrefix;
        this.messagePrefix = messagePrefix;
    }

    public static Violations collector() {
        return new Violations(new ArrayList<>(), "", "");
    }

    /** Adds a failure at {@code path} relative to this view ("" for the view's own object). */
    public void add(String path, String message) {
        sink.add(new Entry(joinPath(pathPrefix, path), messagePrefix + message));
    }

    /** A view whose entries sit under {@code path} and carry {@code messagePrefix} before their own text. */
    public Violations within(String path, String messagePrefix) {
        return new Violations(sink, joinPath(pathPrefix, path), this.messagePrefix + messagePrefix);
    }

    public boolean isEmpty() {
        return sink.isEmpty();
    }

    public int size() {
        return sink.size();
    }

    public List<Entry> entries() {
        return Collections.unmodifiableList(sink);
    }

    /** {@code Tasks} + {@code [0]} = {@code Tasks[0]}; {@code Tasks[0]} + {@code Name} = {@code Tasks[0].Name}. */
    public static String joinPath(String parent, String child) {
        if (parent.isEmpty()) {
            return child;
        }
        if (child.isEmpty()) {
            return parent;
        }
        return child.startsWith("[") ? parent + child : parent + "." + child;
    }
}
