package io.jobdrop.spec.template;

import io.jobdrop.spec.go.GoQuoting;

import java.util.Map;

/**
 * Go's text/template lexer (text/template/parse/lex.go), state for state, so that tokens, trim markers, line numbers
 * and error wording come out as Go's do. Offsets are char indexes into the template; callers turn them into Go's
 * byte columns when they report a position.
 */
final class Lexer {
    static final int EOF = -1;

    private static final String LEFT_DELIM = "{{";
    private static final String RIGHT_DELIM = "}}";
    private static final String LEFT_COMMENT = "/*";
    private static final String RIGHT_COMMENT = "*/";
    private static final String SPACE_CHARS = " \t\r\n";
    /** The '-' plus the space beside it: "{{- " and " -}}". */
    private static final int TRIM_MARKER_LEN = 2;

    private static final Map<String, ItemType> KEYWORDS = Map.ofEntries(
            Map.entry(".", ItemType.DOT),
            Map.entry("block", ItemType.BLOCK),
            Map.entry("break", ItemType.BREAK),
            Map.entry("continue", ItemType.CONTINUE),
            Map.entry("define", ItemType.DEFINE),
            Map.entry("else", ItemType.ELSE),
            Map.entry("end", ItemType.END),
            Map.entry("if", ItemType.IF),
            Map.entry("range", ItemType.RANGE),
            Map.entry("nil", ItemType.NIL),
            Map.entry("template", ItemType.TEMPLATE),
            Map.entry("with", ItemType.WITH));

    private enum RightDelim { NONE, PLAIN, TRIMMED }

    @FunctionalInterface
    private interface State {
        State run();
    }

    private String input;
    private int pos;
    private int start;
    private boolean atEOF;
    private int parenDepth;
    private int line = 1;
    private int startLine = 1;
    private Item item;
    private boolean insideAction;

    Lexer(String input) {
        this.input = input;
    }

    Item nextItem() {
        item = new Item(ItemType.EOF, pos, "EOF", startLine);
        State state = insideAction ? this::lexInsideAction : this::lexText;
        while (state != null) {
            state = state.run();
        }
        return item;
    }

    private int next() {
        if (pos >= input.length()) {
            atEOF = true;
            return EOF;
        }
        int r = input.codePointAt(pos);
        pos += Character.charCount(r);
        if (r == '\n') {
            line++;
        }
        return r;
    }

    private int peek() {
        int r = next();
        backup();
        return r;
    }

    private void backup() {
        if (!atEOF && pos > 0) {
            int r = input.codePointBefore(pos);
            pos -= Character.charCount(r);
            if (r == '\n') {
                line--;
            }
        }
    }

    private Item thisItem(ItemType type) {
        Item i = new Item(type, start, input.substring(start, pos), startLine);
        start = pos;
        startLine = line;
        return i;
    }

    private State emit(ItemType type) {
        return emitItem(thisItem(type));
    }

    private State emitItem(Item i) {
        item = i;
        return null;
    }

    /** Skips input that was not read with next(), so its newlines are counted here. */
    private void ignore() {
        line += countNewlines(start, pos);
        start = pos;
        startLine = line;
    }

    private boolean accept(String valid) {
        if (valid.indexOf(next()) >= 0) {
            return true;
        }
        backup();
        return false;
    }

    private void acceptRun(String valid) {
        while (valid.indexOf(next()) >= 0) {
            // consume
        }
        backup();
    }

    private State errorf(String message) {
        item = new Item(ItemType.ERROR, start, message, startLine);
        start = 0;
        pos = 0;
        input = "";
        return null;
    }

    private State lexText() {
        int x = input.indexOf(LEFT_DELIM, pos);
        if (x >= 0) {
            if (x > pos) {
                pos = x;
                int trimLength = 0;
                if (hasLeftTrimMarker(pos + LEFT_DELIM.length())) {
                    trimLength = rightTrimLength(start, pos);
                }
                pos -= trimLength;
                line += countNewlines(start, pos);
                Item text = thisItem(ItemType.TEXT);
                pos += trimLength;
                ignore();
                if (!text.val().isEmpty()) {
                    return emitItem(text);
                }
            }
            return this::lexLeftDelim;
        }
        pos = input.length();
        if (pos > start) {
            line += countNewlines(start, pos);
            return emit(ItemType.TEXT);
        }
        return emit(ItemType.EOF);
    }

    private State lexLeftDelim() {
        pos += LEFT_DELIM.length();
        boolean trimSpace = hasLeftTrimMarker(pos);
        int afterMarker = trimSpace ? TRIM_MARKER_LEN : 0;
        if (input.startsWith(LEFT_COMMENT, pos + afterMarker)) {
            pos += afterMarker;
            ignore();
            return this::lexComment;
        }
        Item delim = thisItem(ItemType.LEFT_DELIM);
        insideAction = true;
        pos += afterMarker;
        ignore();
        parenDepth = 0;
        return emitItem(delim);
    }

    private State lexComment() {
        pos += LEFT_COMMENT.length();
        int x = input.indexOf(RIGHT_COMMENT, pos);
        if (x < 0) {
            return errorf("unclosed comment");
        }
        pos = x + RIGHT_COMMENT.length();
        RightDelim delim = atRightDelim();
        if (delim == RightDelim.NONE) {
            return errorf("comment ends before closing delimiter");
        }
        line += countNewlines(start, pos);
        thisItem(ItemType.COMMENT); // dropped: Bacalhau parses without ParseComments, so no comment nodes
        if (delim == RightDelim.TRIMMED) {
            pos += TRIM_MARKER_LEN;
        }
        pos += RIGHT_DELIM.length();
        if (delim == RightDelim.TRIMMED) {
            pos += leftTrimLength(pos);
        }
        ignore();
        return this::lexText;
    }

    private State lexRightDelim() {
        boolean trimSpace = atRightDelim() == RightDelim.TRIMMED;
        if (trimSpace) {
            pos += TRIM_MARKER_LEN;
            ignore();
        }
        pos += RIGHT_DELIM.length();
        Item delim = thisItem(ItemType.RIGHT_DELIM);
        if (trimSpace) {
            pos += leftTrimLength(pos);
            ignore();
        }
        insideAction = false;
        return emitItem(delim);
    }

    private State lexInsideAction() {
        if (atRightDelim() != RightDelim.NONE) {
            if (parenDepth == 0) {
                return this::lexRightDelim;
            }
            return errorf("unclosed left paren");
        }
        int r = next();
        if (r == EOF) {
            return errorf("unclosed action");
        }
        if (isSpace(r)) {
            backup(); // the space may begin a " -}}"
            return this::lexSpace;
        }
        switch (r) {
            case '=':
                return emit(ItemType.ASSIGN);
            case ':':
                if (next() != '=') {
                    return errorf("expected :=");
                }
                return emit(ItemType.DECLARE);
            case '|':
                return emit(ItemType.PIPE);
            case '"':
                return () -> lexDelimited('"', "unterminated quoted string", ItemType.STRING);
            case '`':
                return this::lexRawQuote;
            case '$':
                return this::lexVariable;
            case '\'':
                return () -> lexDelimited('\'', "unterminated character constant", ItemType.CHAR_CONSTANT);
            case '(':
                parenDepth++;
                return emit(ItemType.LEFT_PAREN);
            case ')':
                parenDepth--;
                if (parenDepth < 0) {
                    return errorf("unexpected right paren");
                }
                return emit(ItemType.RIGHT_PAREN);
            default:
                break;
        }
        if (r == '.' && pos < input.length()) {
            char c = input.charAt(pos);
            if (c < '0' || c > '9') {
                return this::lexField;
            }
        }
        if (r == '.' || r == '+' || r == '-' || (r >= '0' && r <= '9')) {
            backup();
            return this::lexNumber;
        }
        if (isAlphaNumeric(r)) {
            backup();
            return this::lexIdentifier;
        }
        if (r <= 0x7F && GoQuoting.isPrint(r)) {
            return emit(ItemType.CHAR);
        }
        return errorf("unrecognized character in action: " + GoQuoting.formatCodePoint(r));
    }

    private State lexSpace() {
        int numSpaces = 0;
        while (isSpace(peek())) {
            next();
            numSpaces++;
        }
        // A trim-marked right delimiter begins with a space: leave that space to the delimiter.
        if (hasRightTrimMarker(pos - 1) && input.startsWith(RIGHT_DELIM, pos - 1 + TRIM_MARKER_LEN)) {
            backup();
            if (numSpaces == 1) {
                return this::lexRightDelim;
            }
        }
        return emit(ItemType.SPACE);
    }

    private State lexIdentifier() {
        while (true) {
            int r = next();
            if (isAlphaNumeric(r)) {
                continue;
            }
            backup();
            String word = input.substring(start, pos);
            if (!atTerminator()) {
                return errorf("bad character " + GoQuoting.formatCodePoint(r));
            }
            ItemType keyword = KEYWORDS.get(word);
            if (keyword != null) {
                return emit(keyword);
            }
            if (word.equals("true") || word.equals("false")) {
                return emit(ItemType.BOOL);
            }
            return emit(ItemType.IDENTIFIER);
        }
    }

    private State lexField() {
        return lexFieldOrVariable(ItemType.FIELD);
    }

    private State lexVariable() {
        if (atTerminator()) {
            return emit(ItemType.VARIABLE);
        }
        return lexFieldOrVariable(ItemType.VARIABLE);
    }

    private State lexFieldOrVariable(ItemType type) {
        if (atTerminator()) {
            return emit(type == ItemType.VARIABLE ? ItemType.VARIABLE : ItemType.DOT);
        }
        int r;
        while (true) {
            r = next();
            if (!isAlphaNumeric(r)) {
                backup();
                break;
            }
        }
        if (!atTerminator()) {
            return errorf("bad character " + GoQuoting.formatCodePoint(r));
        }
        return emit(type);
    }

    /** Whether the next rune may end an identifier; this splits .X.Y into two fields. */
    private boolean atTerminator() {
        int r = peek();
        if (isSpace(r)) {
            return true;
        }
        switch (r) {
            case EOF, '.', ',', '|', ':', ')', '(':
                return true;
            default:
                return input.startsWith(RIGHT_DELIM, pos);
        }
    }

    /** A character constant or an interpreted string: escapes are skipped, a newline or the end is an error. */
    private State lexDelimited(char close, String unterminated, ItemType type) {
        while (true) {
            int r = next();
            if (r == '\\') {
                int escaped = next();
                if (escaped != EOF && escaped != '\n') {
                    continue;
                }
                return errorf(unterminated);
            }
            if (r == EOF || r == '\n') {
                return errorf(unterminated);
            }
            if (r == close) {
                return emit(type);
            }
        }
    }

    private State lexNumber() {
        if (!scanNumber()) {
            return errorf("bad number syntax: " + GoQuoting.quote(input.substring(start, pos)));
        }
        int sign = peek();
        if (sign == '+' || sign == '-') {
            // a complex constant such as 1+2i: no spaces, ends in 'i'
            if (!scanNumber() || input.charAt(pos - 1) != 'i') {
                return errorf("bad number syntax: " + GoQuoting.quote(input.substring(start, pos)));
            }
            return emit(ItemType.COMPLEX);
        }
        return emit(ItemType.NUMBER);
    }

    /** Accepts anything number-like; strconv, in the parser, rejects what Go would reject. */
    private boolean scanNumber() {
        accept("+-");
        String digits = "0123456789_";
        if (accept("0")) {
            if (accept("xX")) {
                digits = "0123456789abcdefABCDEF_";
            } else if (accept("oO")) {
                digits = "01234567_";
            } else if (accept("bB")) {
                digits = "01_";
            }
        }
        acceptRun(digits);
        if (accept(".")) {
            acceptRun(digits);
        }
        if (digits.length() == 11 && accept("eE")) {
            accept("+-");
            acceptRun("0123456789_");
        }
        if (digits.length() == 23 && accept("pP")) {
            accept("+-");
            acceptRun("0123456789_");
        }
        accept("i");
        if (isAlphaNumeric(peek())) {
            next();
            return false;
        }
        return true;
    }

    private State lexRawQuote() {
        while (true) {
            int r = next();
            if (r == EOF) {
                return errorf("unterminated raw quoted string");
            }
            if (r == '`') {
                return emit(ItemType.RAW_STRING);
            }
        }
    }

    private RightDelim atRightDelim() {
        if (hasRightTrimMarker(pos) && input.startsWith(RIGHT_DELIM, pos + TRIM_MARKER_LEN)) {
            return RightDelim.TRIMMED;
        }
        if (input.startsWith(RIGHT_DELIM, pos)) {
            return RightDelim.PLAIN;
        }
        return RightDelim.NONE;
    }

    private boolean hasLeftTrimMarker(int at) {
        return at + 1 < input.length() && input.charAt(at) == '-' && isSpace(input.charAt(at + 1));
    }

    private boolean hasRightTrimMarker(int at) {
        return at >= 0 && at + 1 < input.length() && isSpace(input.charAt(at)) && input.charAt(at + 1) == '-';
    }

    private int rightTrimLength(int from, int to) {
        int end = to;
        while (end > from && SPACE_CHARS.indexOf(input.charAt(end - 1)) >= 0) {
            end--;
        }
        return to - end;
    }

    private int leftTrimLength(int from) {
        int end = from;
        while (end < input.length() && SPACE_CHARS.indexOf(input.charAt(end)) >= 0) {
            end++;
        }
        return end - from;
    }

    private int countNewlines(int from, int to) {
        int count = 0;
        for (int i = from; i < to; i++) {
            if (input.charAt(i) == '\n') {
                count++;
            }
        }
        return count;
    }

    private static boolean isSpace(int r) {
        return r == ' ' || r == '\t' || r == '\r' || r == '\n';
    }

    static boolean isAlphaNumeric(int r) {
        return r == '_' || (r >= 0 && (Character.isLetter(r) || Character.isDigit(r)));
    }
}
