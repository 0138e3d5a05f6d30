package io.jobdrop.spec.parse;

import io.jobdrop.spec.SourcePosition;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns one composed SnakeYAML document into what {@code sigs.k8s.io/yaml} makes of it: go-yaml v2's decoding
 * (scalar resolution, merge keys, alias expansion with its alias budget, collection keys rejected), then the
 * JSON-ification of keys. Errors follow Go's order: a go-yaml error anywhere in the document wins over a key that
 * cannot become JSON, because go-yaml decodes the whole document before the keys are converted.
 */
final class NodeConverter {

    /** The tag {@link PlainScalarResolver} gives untagged plain scalars, which go-yaml resolves by their text. */
    static final String PLAIN = "tag:jobdrop.io,2025:plain";

    private static final String PREFIX = "converting yaml to json: ";
    private static final String STANDARD = "tag:yaml.org,2002:";

    /**
     * What all documents of one file have expanded to so far: nodes and scalar characters, aliases expanded. go-yaml
     * bounds only the share of aliases, so a small file of aliases to one long string can still become gigabytes.
     */
    static final class Tally {
        private final YamlLimits limits;
        private long elements;
        private long valueBytes;

        Tally(YamlLimits limits) {
            this.limits = limits;
        }
    }

    private final AliasBudget budget = new AliasBudget();
    private final Tally tally;

    NodeConverter(Tally tally) {
        this.tally = tally;
    }
    /** Anchored nodes already decoded once: meeting one again means meeting an alias of it. */
    private final Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    /** Anchored nodes being decoded: an alias to one of them would make the value contain itself. */
    private final Set<Node> open = Collections.newSetFromMap(new IdentityHashMap<>());
    private YamlSyntaxException keyError;

    /** The document's root, or {@code null} for an empty document. */
    YamlNode document(Node root) throws YamlSyntaxException {
        if (root instanceof ScalarNode s && s.getValue().isEmpty() && PLAIN.equals(s.getTag().getValue())) {
            return null;
        }
        YamlNode out = node(root);
        if (keyError != null) {
            throw keyError;
        }
        return out;
    }

    private YamlNode node(Node n) throws YamlSyntaxException {
        boolean alias = isAlias(n);
        count(n);
        if (!alias) {
            return build(n);
        }
        budget.enterAlias();
        try {
            count(n);
            return build(n);
        } finally {
            budget.leaveAlias();
        }
    }

    private boolean isAlias(Node n) throws YamlSyntaxException {
        if (n.getAnchor() == null || seen.add(n)) {
            return false;
        }
        if (open.contains(n)) {
            throw goError(n, "anchor '" + n.getAnchor() + "' value contains itself");
        }
        return true;
    }

    private void count(Node n) throws YamlSyntaxException {
        if (!budget.decode()) {
            throw goError(n, "document contains excessive aliasing");
        }
    }

    private YamlNode build(Node n) throws YamlSyntaxException {
        if (++tally.elements > tally.limits.elements()) {
            throw new YamlSyntaxException("file expands to more than " + tally.limits.elements()
                    + " elements through its aliases (jobdrop.limits.elements)", position(n));
        }
        if (n instanceof ScalarNode s) {
            tally.valueBytes += s.getValue().length();
            if (tally.valueBytes > tally.limits.valueBytes()) {
                throw new YamlSyntaxException("file's values, aliases expanded, come to more than "
                        + tally.limits.valueBytes() + " bytes (jobdrop.limits.file-json-bytes)", position(n));
            }
            return new YamlScalar(scalar(s), position(n));
        }
        boolean anchored = n.getAnchor() != null;
        if (anchored) {
            open.add(n);
        }
        try {
            return n instanceof SequenceNode q ? sequence(q) : mapping((MappingNode) n);
        } finally {
            if (anchored) {
                open.remove(n);
            }
        }
    }

    private YamlSeq sequence(SequenceNode q) throws YamlSyntaxException {
        requireTag(q, Tag.SEQ);
        List<YamlNode> items = new ArrayList<>(q.getValue().size());
        for (Node item : q.getValue()) {
            items.add(node(item));
        }
        return new YamlSeq(items, position(q));
    }

    private YamlMap mapping(MappingNode m) throws YamlSyntaxException {
        requireTag(m, Tag.MAP);
        Map<String, YamlMap.Entry> entries = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            if (isMergeKey(t.getKeyNode())) {
                merge(entries, t.getValueNode());
                continue;
            }
            String key = key(t.getKeyNode(), t.getValueNode());
            YamlNode value = node(t.getValueNode());
            if (key != null) {
                put(entries, new YamlMap.Entry(key, position(t.getKeyNode()), value));
            }
        }
        return new YamlMap(new ArrayList<>(entries.values()), position(m));
    }

    /** Go's map assignment: the later value replaces the earlier one (and, in document order, stands last). */
    private static void put(Map<String, YamlMap.Entry> entries, YamlMap.Entry entry) {
        entries.remove(entry.key());
        entries.put(entry.key(), entry);
    }

    private static boolean isMergeKey(Node key) {
        if (!(key instanceof ScalarNode s) || !s.getValue().equals("<<")) {
            return false;
        }
        String tag = s.getTag().getValue();
        return tag.equals(PLAIN) || tag.equals(Tag.MERGE.getValue());
    }

    /**
     * go-yaml v2 writes the merged entries into the map at the {@code <<} position (so a key written before it is
     * overridden, one written after it wins); of a list of maps, the earlier ones take precedence.
     */
    private void merge(Map<String, YamlMap.Entry> entries, Node value) throws YamlSyntaxException {
        if (value instanceof MappingNode) {
            ((YamlMap) node(value)).entries().forEach(e -> put(entries, e));
            return;
        }
        if (value instanceof SequenceNode q && (q.getAnchor() == null || seen.add(q))) {
            List<Node> items = q.getValue();
            for (int i = items.size() - 1; i >= 0; i--) {
                if (!(items.get(i) instanceof MappingNode)) {
                    throw goError(items.get(i), "map merge requires map or sequence of maps as the value");
                }
                ((YamlMap) node(items.get(i))).entries().forEach(e -> put(entries, e));
            }
            return;
        }
        throw goError(value, "map merge requires map or sequence of maps as the value");
    }

    /** The key as the JSON string sigs.k8s.io/yaml makes of it; null (error deferred) when it cannot. */
    private String key(Node keyNode, Node valueNode) throws YamlSyntaxException {
        if (!(keyNode instanceof ScalarNode)) {
            throw goError(keyNode, "invalid map key: " + GoSyntax.value(goValue(keyNode)));
        }
        Object key = ((YamlScalar) node(keyNode)).value();
        if (key instanceof String s) {
            return s;
        }
        if (key instanceof Long l) {
            return Long.toString(l);
        }
        if (key instanceof Boolean b) {
            return b.toString();
        }
        if (key instanceof Double d) {
            String s = GoFloats.shortestG(d, 32);
            return switch (s) {
                case "+Inf" -> ".inf";
                case "-Inf" -> "-.inf";
                case "NaN" -> ".nan";
                default -> s;
            };
        }
        if (keyError == null) {
            keyError = new YamlSyntaxException(PREFIX + "unsupported map key of type: " + GoSyntax.typeName(key)
                    + ", key: " + GoSyntax.argument(key) + ", value: " + GoSyntax.argument(goValue(valueNode)),
                    position(keyNode));
        }
        return null;
    }

    /**
     * The Go value go-yaml decodes a node to, keys still typed; only needed to print a key or value in an error, so it
     * runs through the same alias budget and recursion check as the decoding itself.
     */
    Object goValue(Node n) throws YamlSyntaxException {
        boolean alias = isAlias(n);
        count(n);
        if (alias) {
            budget.enterAlias();
        }
        boolean anchored = n.getAnchor() != null;
        if (anchored) {
            open.add(n);
        }
        try {
            return rawValue(n);
        } finally {
            if (anchored) {
                open.remove(n);
            }
            if (alias) {
                budget.leaveAlias();
            }
        }
    }

    private Object rawValue(Node n) throws YamlSyntaxException {
        if (n instanceof ScalarNode s) {
            return scalar(s);
        }
        if (n instanceof SequenceNode q) {
            List<Object> items = new ArrayList<>();
            for (Node item : q.getValue()) {
                items.add(goValue(item));
            }
            return items;
        }
        Map<Object, Object> map = new LinkedHashMap<>();
        for (NodeTuple t : ((MappingNode) n).getValue()) {
            if (isMergeKey(t.getKeyNode())) {
                mergeRaw(map, goValue(t.getValueNode()));
                continue;
            }
            Object key = goValue(t.getKeyNode());
            if (key instanceof Map || key instanceof List) {
                throw goError(t.getKeyNode(), "invalid map key: " + GoSyntax.value(key));
            }
            map.remove(key);
            map.put(key, goValue(t.getValueNode()));
        }
        return map;
    }

    private static void mergeRaw(Map<Object, Object> map, Object merged) {
        if (merged instanceof Map<?, ?> m) {
            map.putAll(m);
        } else if (merged instanceof List<?> maps) {
            for (int i = maps.size() - 1; i >= 0; i--) {
                if (maps.get(i) instanceof Map<?, ?> m) {
                    map.putAll(m);
                }
            }
        }
    }

    private Object scalar(ScalarNode s) throws YamlSyntaxException {
        String tag = s.getTag().getValue();
        String text = s.getValue();
        if (tag.equals(PLAIN)) {
            return GoScalars.resolvePlain(text);
        }
        String shortTag = tag.startsWith(STANDARD) ? "!!" + tag.substring(STANDARD.length()) : tag;
        switch (shortTag) {
            case GoScalars.STR, "!!merge":
                return text;
            case "!!binary":
                return binary(s);
            case GoScalars.INT, GoScalars.FLOAT, GoScalars.BOOL, GoScalars.NULL, GoScalars.TIMESTAMP:
                try {
                    return GoScalars.resolveTagged(shortTag, text);
                } catch (GoScalars.TagMismatch e) {
                    throw goError(s, e.getMessage());
                }
            default:
                throw unsupportedTag(s, shortTag);
        }
    }

    /** go-yaml decodes !!binary to the bytes it encodes (standard base64; line breaks ignored). */
    private static String binary(ScalarNode s) throws YamlSyntaxException {
        String base64 = s.getValue().replace("\n", "").replace("\r", "");
        try {
            if (base64.length() % 4 != 0) {
                throw new IllegalArgumentException("unpadded");
            }
            return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw goError(s, "!!binary value contains invalid base64 data");
        }
    }

    private static void requireTag(Node n, Tag expected) throws YamlSyntaxException {
        String tag = n.getTag().getValue();
        if (!tag.equals(expected.getValue())) {
            throw unsupportedTag(n, tag.startsWith(STANDARD) ? "!!" + tag.substring(STANDARD.length()) : tag);
        }
    }

    /** go-yaml v2 would read an unknown tag as a plain string; jobdrop refuses it, so no tag can mean anything else. */
    private static YamlSyntaxException unsupportedTag(Node n, String tag) {
        return unsupportedTag(position(n), tag);
    }

    static YamlSyntaxException unsupportedTag(SourcePosition at, String tag) {
        return new YamlSyntaxException(PREFIX + "yaml: line " + at.line() + ": unsupported tag " + tag
                + ": only the standard tags !!str, !!int, !!float, !!bool, !!null, !!binary, !!timestamp, !!map and"
                + " !!seq are allowed", at);
    }

    private static YamlSyntaxException goError(Node at, String message) {
        return new YamlSyntaxException(PREFIX + "yaml: " + message, position(at));
    }

    static SourcePosition position(Node n) {
        return position(n.getStartMark());
    }

    static SourcePosition position(Mark mark) {
        return mark == null ? SourcePosition.UNKNOWN : new SourcePosition(mark.getLine() + 1, mark.getColumn() + 1);
    }
}
