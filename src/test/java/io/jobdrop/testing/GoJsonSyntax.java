package io.jobdrop.testing;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Finds the first JSON value in a request body the way Go's {@code json.Decoder} does (Bacalhau binds bodies with
 * echo, which decodes with it), so malformed bodies get Go's own messages: {@code invalid character 'x' looking for
 * beginning of value} with the byte offset, or {@code unexpected EOF} for a cut-off value. Bytes after the first value
 * are ignored, as the decoder does.
 */
final class GoJsonSyntax {

    sealed interface Result permits Value, SyntaxError, Eof {
    }

    /** The first value is bytes {@code [0, end)}. */
    record Value(int end) implements Result {
    }

    /** Go's {@code *json.SyntaxError}: the message and the count of bytes read including the bad one. */
    record SyntaxError(String message, long offset) implements Result {
    }

    /** Input ended: {@code EOF} when there was nothing but space, {@code unexpected EOF} inside a value. */
    record Eof(String message) implements Result {
    }

    private GoJsonSyntax() {
    }

    static Result firstValue(byte[] input) {
        Scanner scanner = new Scanner();
        for (int i = 0; i < input.length; i++) {
            int c = input[i] & 0xff;
            scanner.bytes++;
            Op op = scanner.step(c);
            if (op == Op.END) {
                return new Value(i);
            }
            if (op == Op.END_COMPOSITE && scanner.endValue(' ') == Op.END) {
                return new Value(i + 1);
            }
            if (op == Op.ERROR) {
                return new SyntaxError(scanner.error, scanner.bytes);
            }
        }
        if (scanner.step(' ') == Op.END) {
            return new Value(input.length);
        }
        for (byte b : input) {
            if (!isSpace(b & 0xff)) {
                return new Eof("unexpected EOF");
            }
        }
        return new Eof("EOF");
    }

    private enum Op { CONTINUE, END_COMPOSITE, END, ERROR }

    private enum Parse { OBJECT_KEY, OBJECT_VALUE, ARRAY_VALUE }

    private enum State {
        BEGIN_VALUE, BEGIN_VALUE_OR_EMPTY, BEGIN_STRING_OR_EMPTY, BEGIN_STRING, END_VALUE, END_TOP,
        IN_STRING, IN_STRING_ESC, ESC_U, ESC_U1, ESC_U12, ESC_U123,
        NEG, ONE, ZERO, DOT, DOT0, E, E_SIGN, E0,
        T, TR, TRU, F, FA, FAL, FALS, N, NU, NUL
    }

    /** A transcription of encoding/json's scanner states (scanner.go), kept in the same shape to ease comparison. */
    private static final class Scanner {
        private final Deque<Parse> stack = new ArrayDeque<>();
        private State state = State.BEGIN_VALUE;
        private long bytes;
        private String error;

        Op step(int c) {
            switch (state) {
                case BEGIN_VALUE_OR_EMPTY:
                    if (isSpace(c)) {
                        return Op.CONTINUE;
                    }
                    return c == ']' ? endValue(c) : beginValue(c);
                case BEGIN_VALUE:
                    return beginValue(c);
                case BEGIN_STRING_OR_EMPTY:
                    if (isSpace(c)) {
                        return Op.CONTINUE;
                    }
                    if (c == '}') {
                        stack.pop();
                        stack.push(Parse.OBJECT_VALUE);
                        return endValue(c);
                    }
                    return beginString(c);
                case BEGIN_STRING:
                    return beginString(c);
                case END_VALUE:
                    return endValue(c);
                case END_TOP:
                    return endTop(c);
                case IN_STRING:
                    if (c == '"') {
                        state = State.END_VALUE;
                    } else if (c == '\\') {
                        state = State.IN_STRING_ESC;
                    } else if (c < 0x20) {
                        return fail(c, "in string literal");
                    }
                    return Op.CONTINUE;
                case IN_STRING_ESC:
                    if ("bfnrt\\/\"".indexOf(c) >= 0) {
                        state = State.IN_STRING;
                        return Op.CONTINUE;
                    }
                    if (c == 'u') {
                        state = State.ESC_U;
                        return Op.CONTINUE;
                    }
                    return fail(c, "in string escape code");
                case ESC_U:
                    return hex(c, State.ESC_U1);
                case ESC_U1:
                    return hex(c, State.ESC_U12);
                case ESC_U12:
                    return hex(c, State.ESC_U123);
                case ESC_U123:
                    return hex(c, State.IN_STRING);
                case NEG:
                    if (c == '0') {
                        state = State.ZERO;
                        return Op.CONTINUE;
                    }
                    if (c >= '1' && c <= '9') {
                        state = State.ONE;
                        return Op.CONTINUE;
                    }
                    return fail(c, "in numeric literal");
                case ONE:
                    if (isDigit(c)) {
                        return Op.CONTINUE;
                    }
                    return zero(c);
                case ZERO:
                    return zero(c);
                case DOT:
                    if (isDigit(c)) {
                        state = State.DOT0;
                        return Op.CONTINUE;
                    }
                    return fail(c, "after decimal point in numeric literal");
                case DOT0:
                    if (isDigit(c)) {
                        return Op.CONTINUE;
                    }
                    if (c == 'e' || c == 'E') {
                        state = State.E;
                        return Op.CONTINUE;
                    }
                    return endValue(c);
                case E:
                    if (c == '+' || c == '-') {
                        state = State.E_SIGN;
                        return Op.CONTINUE;
                    }
                    return eSign(c);
                case E_SIGN:
                    return eSign(c);
                case E0:
                    return isDigit(c) ? Op.CONTINUE : endValue(c);
                case T:
                    return literal(c, 'r', State.TR, "in literal true (expecting 'r')");
                case TR:
                    return literal(c, 'u', State.TRU, "in literal true (expecting 'u')");
                case TRU:
                    return literal(c, 'e', State.END_VALUE, "in literal true (expecting 'e')");
                case F:
                    return literal(c, 'a', State.FA, "in literal false (expecting 'a')");
                case FA:
                    return literal(c, 'l', State.FAL, "in literal false (expecting 'l')");
                case FAL:
                    return literal(c, 's', State.FALS, "in literal false (expecting 's')");
                case FALS:
                    return literal(c, 'e', State.END_VALUE, "in literal false (expecting 'e')");
                case N:
                    return literal(c, 'u', State.NU, "in literal null (expecting 'u')");
                case NU:
                    return literal(c, 'l', State.NUL, "in literal null (expecting 'l')");
                case NUL:
                    return literal(c, 'l', State.END_VALUE, "in literal null (expecting 'l')");
                default:
                    throw new IllegalStateException("unhandled scanner state " + state);
            }
        }

        private Op beginValue(int c) {
            if (isSpace(c)) {
                return Op.CONTINUE;
            }
            switch (c) {
                case '{':
                    state = State.BEGIN_STRING_OR_EMPTY;
                    stack.push(Parse.OBJECT_KEY);
                    return Op.CONTINUE;
                case '[':
                    state = State.BEGIN_VALUE_OR_EMPTY;
                    stack.push(Parse.ARRAY_VALUE);
                    return Op.CONTINUE;
                case '"':
                    state = State.IN_STRING;
                    return Op.CONTINUE;
                case '-':
                    state = State.NEG;
                    return Op.CONTINUE;
                case '0':
                    state = State.ZERO;
                    return Op.CONTINUE;
                case 't':
                    state = State.T;
                    return Op.CONTINUE;
                case 'f':
                    state = State.F;
                    return Op.CONTINUE;
                case 'n':
                    state = State.N;
                    return Op.CONTINUE;
                default:
                    if (c >= '1' && c <= '9') {
                        state = State.ONE;
                        return Op.CONTINUE;
                    }
                    return fail(c, "looking for beginning of value");
            }
        }

        private Op beginString(int c) {
            if (isSpace(c)) {
                return Op.CONTINUE;
            }
            if (c == '"') {
                state = State.IN_STRING;
                return Op.CONTINUE;
            }
            return fail(c, "looking for beginning of object key string");
        }

        Op endValue(int c) {
            if (stack.isEmpty()) {
                state = State.END_TOP;
                return endTop(c);
            }
            if (isSpace(c)) {
                state = State.END_VALUE;
                return Op.CONTINUE;
            }
            switch (stack.peek()) {
                case OBJECT_KEY:
                    if (c == ':') {
                        stack.pop();
                        stack.push(Parse.OBJECT_VALUE);
                        state = State.BEGIN_VALUE;
                        return Op.CONTINUE;
                    }
                    return fail(c, "after object key");
                case OBJECT_VALUE:
                    if (c == ',') {
                        stack.pop();
                        stack.push(Parse.OBJECT_KEY);
                        state = State.BEGIN_STRING;
                        return Op.CONTINUE;
                    }
                    if (c == '}') {
                        return popComposite();
                    }
                    return fail(c, "after object key:value pair");
                default:
                    if (c == ',') {
                        state = State.BEGIN_VALUE;
                        return Op.CONTINUE;
                    }
                    if (c == ']') {
                        return popComposite();
                    }
                    return fail(c, "after array element");
            }
        }

        private Op popComposite() {
            stack.pop();
            state = stack.isEmpty() ? State.END_TOP : State.END_VALUE;
            return Op.END_COMPOSITE;
        }

        private Op endTop(int c) {
            // Go remembers a non-space byte here for a later call; the decoder stops first, so it never surfaces
            return Op.END;
        }

        private Op zero(int c) {
            if (c == '.') {
                state = State.DOT;
                return Op.CONTINUE;
            }
            if (c == 'e' || c == 'E') {
                state = State.E;
                return Op.CONTINUE;
            }
            return endValue(c);
        }

        private Op eSign(int c) {
            if (isDigit(c)) {
                state = State.E0;
                return Op.CONTINUE;
            }
            return fail(c, "in exponent of numeric literal");
        }

        private Op hex(int c, State next) {
            if (isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')) {
                state = next;
                return Op.CONTINUE;
            }
            return fail(c, "in \\u hexadecimal character escape");
        }

        private Op literal(int c, char expected, State next, String context) {
            if (c == expected) {
                state = next;
                return Op.CONTINUE;
            }
            return fail(c, context);
        }

        private Op fail(int c, String context) {
            error = "invalid character " + quoteChar(c) + " " + context;
            return Op.ERROR;
        }
    }

    /** Go's quoteChar: the byte as a rune, quoted with strconv.Quote and put in single quotes. */
    static String quoteChar(int c) {
        if (c == '\'') {
            return "'\\''";
        }
        if (c == '"') {
            return "'\"'";
        }
        String inner;
        switch (c) {
            case 0x07 -> inner = "\\a";
            case 0x08 -> inner = "\\b";
            case 0x0c -> inner = "\\f";
            case 0x0a -> inner = "\\n";
            case 0x0d -> inner = "\\r";
            case 0x09 -> inner = "\\t";
            case 0x0b -> inner = "\\v";
            case '\\' -> inner = "\\\\";
            default -> {
                if (c < 0x20 || c == 0x7f) {
                    inner = String.format("\\x%02x", c);
                } else if ((c >= 0x80 && c <= 0xa0) || c == 0xad) {
                    inner = String.format("\\u%04x", c);
                } else {
                    inner = String.valueOf((char) c);
                }
            }
        }
        return "'" + inner + "'";
    }

    private static boolean isSpace(int c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }
}
