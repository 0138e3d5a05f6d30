package io.jobdrop.spec.parse;

import io.jobdrop.spec.SourcePosition;
import io.jobdrop.spec.go.Utf8;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads YAML (and JSON, which is YAML) the way Bacalhau's CLI does: go-yaml v2 through {@code sigs.k8s.io/yaml}, so
 * YAML 1.1 scalars ({@code yes} is true, {@code 010} is 8), merge keys, and keys turned into JSON strings.
 * SnakeYAML only composes the nodes; nothing is ever constructed from a tag, and aliases, nesting and size are capped.
 */
public final class GoYaml {

    /** Bacalhau's limit on a job file and on a request body (10 MB). */
    public static final int MAX_BYTES = 10 * 1024 * 1024;
    /** Aliases of mappings or sequences one file may use; real job files use a handful at most. */
    public static final int MAX_COLLECTION_ALIASES = 50;

    private GoYaml() {
    }

    /**
     * Every {@code ---} document of {@code text}, in order. A text without any document (empty, or only comments)
     * gives one empty document, as Bacalhau decodes it to a nil job.
     */
    public static List<YamlDocument> load(String text) throws YamlSyntaxException {
        return load(text, YamlLimits.DEFAULTS);
    }

    /** As {@link #load(String)}, refusing a file that expands past {@code limits} as soon as it does. */
    public static List<YamlDocument> load(String text, YamlLimits limits) throws YamlSyntaxException {
        long bytes = Utf8.length(text);
        if (bytes > MAX_BYTES) {
            throw new YamlSyntaxException("size of bytes to unmarshal (" + bytes + ") larger than maximum allowed ("
                    + MAX_BYTES + ")", new SourcePosition(1, 1));
        }
        LoaderOptions options = options(limits);
        EventStream events = new EventStream(new ParserImpl(new StreamReader(text), options), limits);
        NodeConverter.Tally tally = new NodeConverter.Tally(limits);
        Composer composer = new Composer(events, new PlainScalarResolver(), options);
        List<YamlDocument> documents = new ArrayList<>();
        try {
            while (composer.checkNode()) {
                Node root = composer.getNode();
                YamlNode converted = new NodeConverter(tally).document(root);
                SourcePosition start = events.documentStart() != null
                        ? NodeConverter.position(events.documentStart()) : NodeConverter.position(root);
                documents.add(new YamlDocument(converted, start));
            }
        } catch (ExpansionLimitException e) {
            throw new YamlSyntaxException(e.getMessage(), NodeConverter.position(e.mark()));
        } catch (MarkedYAMLException e) {
            throw GoYamlErrors.of(e);
        } catch (YAMLException e) {
            throw GoYamlErrors.of(e, events, text, limits);
        }
        if (documents.isEmpty()) {
            documents.add(new YamlDocument(null, new SourcePosition(1, 1)));
        }
        return documents;
    }

    private static LoaderOptions options(YamlLimits limits) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true);
        options.setMaxAliasesForCollections(MAX_COLLECTION_ALIASES);
        options.setNestingDepthLimit(limits.depth());
        options.setCodePointLimit(MAX_BYTES);
        options.setProcessComments(false);
        return options;
    }
}
