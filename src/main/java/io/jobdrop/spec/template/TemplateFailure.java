package io.jobdrop.spec.template;

import io.jobdrop.spec.SourcePosition;

/**
 * A parse or execution error on its way out of the parser or executor, carrying the char offset it happened at.
 * Go's execution messages start with "template: :line:col:", which needs the text, so they are completed here.
 */
final class TemplateFailure extends RuntimeException {
    private final boolean parsing;
    private final int pos;
    private final int line;

    private TemplateFailure(boolean parsing, String message, int pos, int line) {
        super(message, null, false, false);
        this.parsing = parsing;
        this.pos = pos;
        this.line = line;
    }

    /** message is complete ("template: :3: unexpected ..."); line is the one Go reports. */
    static TemplateFailure parsing(String message, int pos, int line) {
        return new TemplateFailure(true, message, pos, line);
    }

    /** detail follows the location: "executing \"\" at <.x>: map has no entry for key \"x\"". */
    static TemplateFailure executing(String detail, int pos) {
        return new TemplateFailure(false, detail, pos, 0);
    }

    TemplateException toException(String text) {
        int at = Math.max(0, Math.min(pos, text.length()));
        int lineStart = text.lastIndexOf('\n', at - 1) + 1;
        int column = GoStrings.utf8Length(text, lineStart, at);
        if (parsing) {
            return new TemplateException(getMessage(), new SourcePosition(line, column + 1), true);
        }
        int lineNumber = 1;
        for (int i = 0; i < at; i++) {
            if (text.charAt(i) == '\n') {
                lineNumber++;
            }
        }
        String message = "template: :" + lineNumber + ":" + column + ": " + getMessage();
        return new TemplateException(message, new SourcePosition(lineNumber, column + 1), false);
    }
}
