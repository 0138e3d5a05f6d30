package io.jobdrop.spec;

import java.util.HashMap;
import java.util.Map;

/**
 * Where each decoded field stood in the file, by field path ({@code Tasks[0].Resources.CPU}). A path that was never
 * written (a missing field) resolves to its nearest written parent, so every error can point at a line.
 */
public final class SourceMap {

    private final Map<String, SourcePosition> positions = new HashMap<>();
    private final SourcePosition documentStart;

    public SourceMap(SourcePosition documentStart) {
        this.documentStart = documentStart;
    }

    public void put(String path, SourcePosition position) {
        positions.put(path, position);
    }

    public SourcePosition positionOf(String path) {
        String p = path;
        while (!p.isEmpty()) {
            SourcePosition found = positions.get(p);
            if (found != null) {
                return found;
            }
            p = parentOf(p);
        }
        return positions.getOrDefault("", documentStart);
    }

    static String parentOf(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut < 0 ? "" : path.substring(0, cut);
    }
}
