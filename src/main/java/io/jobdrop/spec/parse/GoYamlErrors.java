package io.jobdrop.spec.parse;

import io.jobdrop.spec.SourcePosition;
import org.yaml.snakeyaml.composer.ComposerException;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.scanner.ScannerException;

/**
 * SnakeYAML's complaints in go-yaml v2's words, so a user sees what {@code bacalhau job run} would say. go-yaml
 * numbers lines its own way: a scanner error names the 1-based line of the problem, a parser error the 0-based one
 * (so one line early), and neither names line 1 (0 means "no line"). The exception's position is always the real one.
 */
final class GoYamlErrors {

    private static final String PREFIX = "converting yaml to json: yaml: ";
    /** SnakeYAML's composer refuses tags outside YAML's own namespace before jobdrop sees them. */
    private static final String GLOBAL_TAG = "Global tag is not allowed: ";
    private static final String STANDARD = "tag:yaml.org,2002:";

    private GoYamlErrors() {
    }

    static YamlSyntaxException of(MarkedYAMLException e) {
        Mark problem = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        SourcePosition at = NodeConverter.position(problem);
        if (e instanceof ComposerException && e.getProblem() != null && e.getProblem().startsWith("found undefined alias ")) {
            String anchor = e.getProblem().substring("found undefined alias ".length());
            return new YamlSyntaxException(PREFIX + "unknown anchor '" + anchor + "' referenced", at);
        }
        if (e instanceof ComposerException && e.getProblem() != null && e.getProblem().startsWith(GLOBAL_TAG)) {
            return NodeConverter.unsupportedTag(at, shortTag(e.getProblem().substring(GLOBAL_TAG.length())));
        }
        int line = goLine(e);
        String where = line != 0 ? "line " + line + ": " : "";
        return new YamlSyntaxException(PREFIX + where + wording(e.getProblem(), e.getContext()), at);
    }

    /** Failures without a mark: alias and nesting limits, characters YAML forbids. */
    static YamlSyntaxException of(YAMLException e, EventStream events, String text, YamlLimits limits) {
        String problem = String.valueOf(e.getMessage());
        if (e instanceof ReaderException r) {
            return new YamlSyntaxException(PREFIX + "control characters are not allowed", positionOf(text, r.getPosition()));
        }
        if (problem.startsWith("Number of aliases for non-scalar nodes exceeds")) {
            return new YamlSyntaxException(PREFIX + "document contains excessive aliasing (more than "
                    + GoYaml.MAX_COLLECTION_ALIASES + " aliases of mappings or sequences)",
                    NodeConverter.position(events.lastAlias()));
        }
        if (problem.startsWith("Nesting Depth exceeded")) {
            // go-yaml's scanner words it so (max_flow_level, max_indents), naming the line it is on
            SourcePosition at = NodeConverter.position(events.lastEvent());
            return new YamlSyntaxException(PREFIX + "line " + at.line() + ": exceeded max depth of " + limits.depth()
                    + " (jobdrop.limits.depth)", at);
        }
        return new YamlSyntaxException(PREFIX + problem, NodeConverter.position(events.lastEvent()));
    }

    private static String shortTag(String tag) {
        return tag.startsWith(STANDARD) ? "!!" + tag.substring(STANDARD.length()) : tag;
    }

    /** The line and column of the {@code index}-th code point (SnakeYAML counts code points, breaks as YAML does). */
    private static SourcePosition positionOf(String text, int index) {
        int line = 1;
        int column = 1;
        int[] codePoints = text.codePoints().limit(Math.max(index, 0)).toArray();
        for (int i = 0; i < codePoints.length; i++) {
            int cp = codePoints[i];
            boolean crlf = cp == '\r' && i + 1 < codePoints.length && codePoints[i + 1] == '\n';
            if (!crlf && (cp == '\n' || cp == '\r' || cp == 0x85 || cp == 0x2028 || cp == 0x2029)) {
                line++;
                column = 1;
            } else if (!crlf) {
                column++;
            }
        }
        return new SourcePosition(line, column);
    }

    private static int goLine(MarkedYAMLException e) {
        Mark problem = e.getProblemMark();
        if (problem != null && problem.getLine() != 0) {
            return e instanceof ScannerException ? problem.getLine() + 1 : problem.getLine();
        }
        Mark context = e.getContextMark();
        return context != null ? context.getLine() : 0;
    }

    private static String wording(String problem, String context) {
        String p = problem == null ? "" : problem;
        String c = context == null ? "" : context;
        if (p.startsWith("mapping values are not allowed")) {
            return "mapping values are not allowed in this context";
        }
        if (p.contains("that cannot start any token")) {
            return "found character that cannot start any token";
        }
        if (p.startsWith("sequence entries are not allowed")) {
            return "block sequence entries are not allowed in this context";
        }
        if (p.startsWith("found unknown escape character")) {
            return "found unknown escape character";
        }
        if (p.startsWith("expected alphabetic or numeric character")) {
            return "did not find expected alphabetic or numeric character";
        }
        if (p.startsWith("expected a comment or a line break")) {
            return "did not find expected comment or line break";
        }
        if (p.startsWith("expected <block end>")) {
            return c.contains("block collection") ? "did not find expected '-' indicator" : "did not find expected key";
        }
        if (p.startsWith("expected ',' or ']'")) {
            return "did not find expected ',' or ']'";
        }
        if (p.startsWith("expected ',' or '}'")) {
            return "did not find expected ',' or '}'";
        }
        if (p.startsWith("expected the node content")) {
            return "did not find expected node content";
        }
        if (p.startsWith("expected '<document start>'")) {
            return "did not find expected <document start>";
        }
        if (p.startsWith("found undefined tag handle")) {
            return "found undefined tag handle";
        }
        return p;
    }
}
