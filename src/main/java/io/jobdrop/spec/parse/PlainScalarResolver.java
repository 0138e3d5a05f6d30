package io.jobdrop.spec.parse;

import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Leaves scalar resolution to go-yaml's rules ({@link GoScalars}): SnakeYAML's own resolver speaks YAML 1.1 with other
 * edges (no {@code y}/{@code n}, no {@code 0o17}), so untagged plain scalars are only marked as such, and everything
 * quoted is a string.
 */
final class PlainScalarResolver extends Resolver {

    private static final Tag PLAIN = new Tag(NodeConverter.PLAIN);

    @Override
    protected void addImplicitResolvers() {
        // none: see the class comment
    }

    @Override
    public Tag resolve(NodeId kind, String value, boolean implicit) {
        return switch (kind) {
            case scalar -> implicit ? PLAIN : Tag.STR;
            case sequence -> Tag.SEQ;
            default -> Tag.MAP;
        };
    }
}
