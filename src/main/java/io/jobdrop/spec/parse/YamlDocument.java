package io.jobdrop.spec.parse;

import io.jobdrop.spec.SourcePosition;

/**
 * One {@code ---} document of a file. The root is {@code null} for an empty or comment-only document, which Bacalhau
 * decodes to a nil job. {@code start} is where the document begins (its {@code ---}, or its first node).
 */
public record YamlDocument(YamlNode root, SourcePosition start) {
}
