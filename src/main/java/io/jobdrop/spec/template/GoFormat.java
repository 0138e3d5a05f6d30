package io.jobdrop.spec.template;

import io.jobdrop.spec.go.GoQuoting;
import io.jobdrop.spec.go.GoStringOrder;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Go's fmt.Sprint, Sprintln and Sprintf over template values: the print, println and printf functions and the way
 * an action prints its value. Covers the verbs v s d q t x X o O b c U e E f F g G T and %, with flags, width,
 * precision, '*' and explicit argument indexes; wrong types come out as Go's %!d(string=x) notes.
 */
final class GoFormat {
    private static final String LDIGITS = "0123456789abcdefx";
    private static final String UDIGITS = "0123456789ABCDEFX";

    private final StringBuilder buf = new StringBuilder();
    private boolean plus;
    private boolean minus;
    private boolean sharp;
    private boolean space;
    private boolean zero;
    private boolean plusV;
    private boolean sharpV;
    private int wid;
    private boolean widPresent;
    private int prec;
    private boolean precPresent;
    /** The template's budget when formatting for printf and friends; checked as the text grows, not only after. */
    private Budget budget;

    private GoFormat() {
    }

    private GoFormat(Budget budget) {
        this.budget = budget;
    }

    /** Stops a format whose text has outgrown what the template may still build: one verb pads to at most 1e6. */
    private void spent() {
        if (budget != null && buf.length() > budget.room()) {
            budget.built(buf.length());
        }
    }

    static String sprint(List<Object> args) {
        return sprint(args, null);
    }

    static String sprint(List<Object> args, Budget budget) {
        GoFormat p = new GoFormat(budget);
        boolean prevString = false;
        for (int i = 0; i < args.size(); i++) {
            Object arg = args.get(i);
            boolean isString = arg instanceof String;
            if (i > 0 && !isString && !prevString) {
                p.buf.append(' ');
            }
            p.printArg(arg, 'v');
            prevString = isString;
            p.spent();
        }
        return p.buf.toString();
    }

    static String sprintln(List<Object> args, Budget budget) {
        GoFormat p = new GoFormat(budget);
        for (int i = 0; i < args.size(); i++) {
            if (i > 0) {
                p.buf.append(' ');
            }
            p.printArg(args.get(i), 'v');
            p.spent();
        }
        return p.buf.append('\n').toString();
    }

    /** %v of one value, as Go's error messages print values. */
    static String value(Object v) {
        GoFormat p = new GoFormat();
        p.printArg(v, 'v');
        return p.buf.toString();
    }

    static String sprintf(String format, List<Object> args) {
        return sprintf(format, args, null);
    }

    static String sprintf(String format, List<Object> args, Budget budget) {
        return new GoFormat(budget).doPrintf(format, args);
    }

    private void clearFlags() {
        plus = minus = sharp = space = zero = plusV = sharpV = false;
        wid = prec = 0;
        widPresent = precPresent = false;
    }

    private String doPrintf(String format, List<Object> a) {
        int end = format.length();
        int argNum = 0;
        boolean reordered = false;
        int i = 0;
        formatLoop:
        while (i < end) {
            spent();
            boolean goodArgNum = true;
            int last = i;
            while (i < end && format.charAt(i) != '%') {
                i++;
            }
            if (i > last) {
                buf.append(format, last, i);
            }
            if (i >= end) {
                break;
            }
            i++; // the '%'
            clearFlags();
            simpleFormat:
            for (; i < end; i++) {
                char c = format.charAt(i);
                switch (c) {
                    case '#' -> sharp = true;
                    case '0' -> zero = !minus; // zero padding only ever goes on the left
                    case '+' -> plus = true;
                    case '-' -> {
                        minus = true;
                        zero = false;
                    }
                    case ' ' -> space = true;
                    default -> {
                        if (c >= 'a' && c <= 'z' && argNum < a.size()) {
                            if (c == 'v') {
                                sharpV = sharp;
                                sharp = false;
                                plusV = plus;
                                plus = false;
                            }
                            printArg(a.get(argNum), c);
                            argNum++;
                            i++;
                            continue formatLoop;
                        }
                        break simpleFormat;
                    }
                }
            }
            int[] index = argNumber(argNum, format, i, a.size());
            argNum = index[0];
            i = index[1];
            boolean afterIndex = index[2] != 0;
            if (index[3] != 0) {
                goodArgNum = false;
            }
            reordered |= afterIndex;
            if (i < end && format.charAt(i) == '*') {
                i++;
                Integer w = intFromArg(a, argNum);
                if (argNum < a.size()) {
                    argNum++;
                }
                widPresent = w != null;
                wid = w == null ? 0 : w;
                if (!widPresent) {
                    buf.append("%!(BADWIDTH)");
                }
                if (wid < 0) {
                    wid = -wid;
                    minus = true;
                    zero = false;
                }
                afterIndex = false;
            } else {
                int[] num = parseNum(format, i, end);
                wid = num[0];
                widPresent = num[1] != 0;
                i = num[2];
                if (afterIndex && widPresent) {
                    goodArgNum = false;
                }
            }
            if (i + 1 < end && format.charAt(i) == '.') {
                i++;
                if (afterIndex) {
                    goodArgNum = false;
                }
                index = argNumber(argNum, format, i, a.size());
                argNum = index[0];
                i = index[1];
                afterIndex = index[2] != 0;
                if (index[3] != 0) {
                    goodArgNum = false;
                }
                reordered |= afterIndex;
                if (i < end && format.charAt(i) == '*') {
                    i++;
                    Integer p = intFromArg(a, argNum);
                    if (argNum < a.size()) {
                        argNum++;
                    }
                    precPresent = p != null;
                    prec = p == null ? 0 : p;
                    if (prec < 0) {
                        prec = 0;
                        precPresent = false;
                    }
                    if (!precPresent) {
                        buf.append("%!(BADPREC)");
                    }
                    afterIndex = false;
                } else {
                    int[] num = parseNum(format, i, end);
                    prec = num[0];
                    precPresent = true;
                    i = num[2];
                }
            }
            if (!afterIndex) {
                index = argNumber(argNum, format, i, a.size());
                argNum = index[0];
                i = index[1];
                afterIndex = index[2] != 0;
                if (index[3] != 0) {
                    goodArgNum = false;
                }
                reordered |= afterIndex;
            }
            if (i >= end) {
                buf.append("%!(NOVERB)");
                break;
            }
            int verb = format.codePointAt(i);
            i += Character.charCount(verb);
            if (verb == '%') {
                buf.append('%');
            } else if (!goodArgNum) {
                buf.append("%!").appendCodePoint(verb).append("(BADINDEX)");
            } else if (argNum >= a.size()) {
                buf.append("%!").appendCodePoint(verb).append("(MISSING)");
            } else {
                if (verb == 'v') {
                    sharpV = sharp;
                    sharp = false;
                    plusV = plus;
                    plus = false;
                }
                printArg(a.get(argNum), verb);
                argNum++;
            }
        }
        if (!reordered && argNum < a.size()) {
            clearFlags();
            buf.append("%!(EXTRA ");
            for (int k = argNum; k < a.size(); k++) {
                if (k > argNum) {
                    buf.append(", ");
                }
                Object arg = a.get(k);
                if (arg == null) {
                    buf.append("<nil>");
                } else {
                    buf.append(GoValues.typeName(arg)).append('=');
                    printArg(arg, 'v');
                }
                spent();
            }
            buf.append(')');
        }
        spent();
        return buf.toString();
    }

    /** {argNum, i, found, bad}: an explicit [n] index, 1-based in the format. */
    private static int[] argNumber(int argNum, String format, int i, int numArgs) {
        if (i >= format.length() || format.charAt(i) != '[') {
            return new int[] {argNum, i, 0, 0};
        }
        for (int j = i + 1; j < format.length(); j++) {
            if (format.charAt(j) == ']') {
                int[] num = parseNum(format, i + 1, j);
                if (num[1] == 0 || num[2] != j) {
                    return new int[] {argNum, j + 1, 1, 1};
                }
                int index = num[0] - 1;
                boolean ok = index >= 0 && numArgs > index;
                return new int[] {ok ? index : argNum, j + 1, 1, ok ? 0 : 1};
            }
        }
        return new int[] {argNum, i + 1, 0, 1};
    }

    /** {num, present, newIndex}; a number over a million counts as absent, as in Go. */
    private static int[] parseNum(String s, int start, int end) {
        if (start >= end) {
            return new int[] {0, 0, end};
        }
        int num = 0;
        boolean present = false;
        int i = start;
        for (; i < end && s.charAt(i) >= '0' && s.charAt(i) <= '9'; i++) {
            if (num > 1_000_000) {
                return new int[] {0, 0, end};
            }
            num = num * 10 + (s.charAt(i) - '0');
            present = true;
        }
        return new int[] {num, present ? 1 : 0, i};
    }

    private static Integer intFromArg(List<Object> a, int argNum) {
        if (argNum >= a.size()) {
            return null;
        }
        Object arg = a.get(argNum);
        long n;
        if (arg instanceof Long l) {
            n = l;
        } else if (arg instanceof GoUint8 b) {
            n = b.value();
        } else {
            return null;
        }
        return Math.abs(n) > 1_000_000 ? null : (int) n;
    }

    private void printArg(Object arg, int verb) {
        if (arg == null) {
            if (verb == 'T' || verb == 'v') {
                padString("<nil>");
            } else {
                badVerb(verb, null);
            }
            return;
        }
        if (verb == 'T') {
            fmtS(GoValues.typeName(arg));
            return;
        }
        if (arg instanceof Boolean b) {
            if (verb == 't' || verb == 'v') {
                padString(b ? "true" : "false");
            } else {
                badVerb(verb, arg);
            }
        } else if (arg instanceof Double d) {
            printFloat(d, verb, arg);
        } else if (arg instanceof GoComplex c) {
            printComplex(c, verb);
        } else if (arg instanceof Long l) {
            printInteger(l, true, verb, arg);
        } else if (arg instanceof GoUint8 b) {
            printInteger(b.value(), false, verb, arg);
        } else if (arg instanceof String s) {
            printString(s, verb);
        } else if (arg instanceof Map<?, ?> m) {
            printMap(m, verb);
        } else if (arg instanceof List<?> l) {
            printList(l, verb);
        } else {
            badVerb(verb, arg);
        }
    }

    private void badVerb(int verb, Object arg) {
        buf.append("%!").appendCodePoint(verb).append('(');
        if (arg == null) {
            buf.append("<nil>");
        } else {
            buf.append(GoValues.typeName(arg)).append('=');
            printArg(arg, 'v');
        }
        buf.append(')');
    }

    private void printMap(Map<?, ?> m, int verb) {
        List<String> keys = new ArrayList<>();
        m.keySet().forEach(k -> keys.add((String) k));
        keys.sort(GoStringOrder.BYTE_ORDER);
        buf.append(sharpV ? "map[string]string{" : "map[");
        for (int i = 0; i < keys.size(); i++) {
            if (i > 0) {
                buf.append(sharpV ? ", " : " ");
            }
            printArg(keys.get(i), verb);
            buf.append(':');
            printArg(m.get(keys.get(i)), verb);
        }
        buf.append(sharpV ? '}' : ']');
    }

    private void printList(List<?> l, int verb) {
        buf.append(sharpV ? GoValues.typeName(l) + "{" : "[");
        for (int i = 0; i < l.size(); i++) {
            if (i > 0) {
                buf.append(sharpV ? ", " : " ");
            }
            printArg(l.get(i), verb);
        }
        buf.append(sharpV ? '}' : ']');
    }

    private void printString(String s, int verb) {
        switch (verb) {
            case 'v' -> {
                if (sharpV) {
                    fmtQ(s);
                } else {
                    fmtS(s);
                }
            }
            case 's' -> fmtS(s);
            case 'x' -> fmtSx(s, LDIGITS);
            case 'X' -> fmtSx(s, UDIGITS);
            case 'q' -> fmtQ(s);
            default -> badVerb(verb, s);
        }
    }

    private void printInteger(long v, boolean signed, int verb, Object arg) {
        switch (verb) {
            case 'v' -> {
                if (sharpV && !signed) {
                    sharp = true;
                    fmtInteger(v, 16, false, 'v', LDIGITS);
                    sharp = false;
                } else {
                    fmtInteger(v, 10, signed, verb, LDIGITS);
                }
            }
            case 'd' -> fmtInteger(v, 10, signed, verb, LDIGITS);
            case 'b' -> fmtInteger(v, 2, signed, verb, LDIGITS);
            case 'o', 'O' -> fmtInteger(v, 8, signed, verb, LDIGITS);
            case 'x' -> fmtInteger(v, 16, signed, verb, LDIGITS);
            case 'X' -> fmtInteger(v, 16, signed, verb, UDIGITS);
            case 'c' -> padString(runeString(v));
            case 'q' -> padString(GoQuoting.quoteRune(toRune(v), plus));
            case 'U' -> fmtUnicode(v);
            default -> badVerb(verb, arg);
        }
    }

    private static int toRune(long v) {
        return v < 0 || v > Character.MAX_CODE_POINT || !GoQuoting.validRune((int) v) ? 0xFFFD : (int) v;
    }

    private static String runeString(long v) {
        return new String(Character.toChars(toRune(v)));
    }

    private void fmtUnicode(long u) {
        String hex = Long.toHexString(u).toUpperCase();
        int digits = precPresent && prec > 4 ? prec : 4;
        StringBuilder s = new StringBuilder("U+").append("0".repeat(Math.max(0, digits - hex.length()))).append(hex);
        if (sharp && u >= 0 && u <= Character.MAX_CODE_POINT && GoQuoting.isPrint((int) u)) {
            s.append(" '").appendCodePoint((int) u).append('\'');
        }
        boolean oldZero = zero;
        zero = false;
        padString(s.toString());
        zero = oldZero;
    }

    private void fmtInteger(long u, int base, boolean signed, int verb, String digits) {
        boolean negative = signed && u < 0;
        String magnitude = negative ? Long.toUnsignedString(-u, base) : Long.toUnsignedString(u, base);
        if (digits == UDIGITS) {
            magnitude = magnitude.toUpperCase();
        }
        int precision = 0;
        if (precPresent) {
            precision = prec;
            if (precision == 0 && u == 0) {
                boolean oldZero = zero;
                zero = false;
                writePadding(wid);
                zero = oldZero;
                return;
            }
        } else if (zero && !minus && widPresent) {
            precision = wid;
            if (negative || plus || space) {
                precision--; // room for the sign
            }
        }
        StringBuilder s = new StringBuilder();
        if (magnitude.length() < precision) {
            s.append("0".repeat(precision - magnitude.length()));
        }
        s.append(magnitude);
        if (sharp) {
            switch (base) {
                case 2 -> s.insert(0, "0b");
                case 8 -> {
                    if (s.charAt(0) != '0') {
                        s.insert(0, '0');
                    }
                }
                case 16 -> s.insert(0, "0" + digits.charAt(16));
                default -> {
                }
            }
        }
        if (verb == 'O') {
            s.insert(0, "0o");
        }
        if (negative) {
            s.insert(0, '-');
        } else if (plus) {
            s.insert(0, '+');
        } else if (space) {
            s.insert(0, ' ');
        }
        boolean oldZero = zero;
        zero = false;
        padString(s.toString());
        zero = oldZero;
    }

    private void printFloat(double v, int verb, Object arg) {
        switch (verb) {
            case 'v' -> fmtFloat(v, 'g', -1);
            case 'b', 'g', 'G', 'x', 'X' -> fmtFloat(v, (char) verb, -1);
            case 'f', 'F' -> fmtFloat(v, 'f', 6);
            case 'e', 'E' -> fmtFloat(v, (char) verb, 6);
            default -> badVerb(verb, arg);
        }
    }

    private void printComplex(GoComplex c, int verb) {
        switch (verb) {
            case 'v', 'b', 'g', 'G', 'x', 'X', 'f', 'F', 'e', 'E' -> {
                boolean oldPlus = plus;
                buf.append('(');
                printFloat(c.real(), verb, c.real());
                plus = true; // the imaginary part always shows its sign
                printFloat(c.imag(), verb, c.imag());
                buf.append("i)");
                plus = oldPlus;
            }
            default -> badVerb(verb, c);
        }
    }

    private void fmtFloat(double v, char verb, int defaultPrec) {
        int precision = precPresent ? prec : defaultPrec;
        String num = FloatFormat.format(v, verb, precision);
        char sign = num.charAt(0) == '-' || num.charAt(0) == '+' ? num.charAt(0) : '+';
        String unsigned = num.charAt(0) == '-' || num.charAt(0) == '+' ? num.substring(1) : num;
        if (sharp && verb != 'b' && !unsigned.equals("Inf") && !unsigned.equals("NaN")) {
            unsigned = withDecimalPoint(unsigned, verb, precision);
        }
        if (space && sign == '+' && !plus) {
            sign = ' ';
        }
        if (unsigned.equals("Inf") || unsigned.equals("NaN")) {
            boolean oldZero = zero;
            zero = false;
            if (unsigned.equals("NaN") && !space && !plus) {
                padString(unsigned);
            } else {
                padString(sign + unsigned);
            }
            zero = oldZero;
            return;
        }
        if (plus || sign != '+') {
            String signed = sign + unsigned;
            if (zero && !minus && widPresent && wid > signed.length()) {
                buf.append(sign);
                writePadding(wid - signed.length());
                buf.append(unsigned);
                return;
            }
            padString(signed);
            return;
        }
        padString(unsigned);
    }

    /** The '#' flag: always a decimal point, and %g keeps its trailing zeros. */
    private static String withDecimalPoint(String num, char verb, int precision) {
        int digits = 0;
        if (verb == 'g' || verb == 'G' || verb == 'x') {
            digits = precision == -1 ? 6 : precision;
        }
        String tail = "";
        boolean hasDecimalPoint = false;
        boolean sawNonzeroDigit = false;
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < num.length(); i++) {
            char c = num.charAt(i);
            if (c == '.') {
                hasDecimalPoint = true;
            } else if (c == 'p' || c == 'P' || ((c == 'e' || c == 'E') && verb != 'x' && verb != 'X')) {
                tail = num.substring(i);
                break;
            } else {
                sawNonzeroDigit |= c != '0';
                if (sawNonzeroDigit) {
                    digits--;
                }
            }
            body.append(c);
        }
        if (!hasDecimalPoint) {
            if (body.length() == 1 && body.charAt(0) == '0') {
                digits--; // a leading 0 counts once
            }
            body.append('.');
        }
        while (digits-- > 0) {
            body.append('0');
        }
        return body.append(tail).toString();
    }

    private String truncate(String s) {
        if (precPresent && s.codePointCount(0, s.length()) > prec) {
            return s.substring(0, s.offsetByCodePoints(0, prec));
        }
        return s;
    }

    private void fmtS(String s) {
        padString(truncate(s));
    }

    private void fmtQ(String s) {
        s = truncate(s);
        if (sharp && GoQuoting.canBackquote(s)) {
            padString("`" + s + "`");
        } else {
            padString(plus ? GoQuoting.quoteToAscii(s) : GoQuoting.quote(s));
        }
    }

    private void fmtSx(String s, String digits) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        int length = precPresent && prec < b.length ? prec : b.length;
        int width = 2 * length;
        if (width > 0) {
            if (space) {
                if (sharp) {
                    width *= 2;
                }
                width += length - 1;
            } else if (sharp) {
                width += 2;
            }
        } else {
            if (widPresent) {
                writePadding(wid);
            }
            return;
        }
        if (widPresent && wid > width && !minus) {
            writePadding(wid - width);
        }
        if (sharp) {
            buf.append('0').append(digits.charAt(16));
        }
        for (int i = 0; i < length; i++) {
            if (space && i > 0) {
                buf.append(' ');
                if (sharp) {
                    buf.append('0').append(digits.charAt(16));
                }
            }
            int c = b[i] & 0xFF;
            buf.append(digits.charAt(c >> 4)).append(digits.charAt(c & 0xF));
        }
        if (widPresent && wid > width && minus) {
            writePadding(wid - width);
        }
    }

    private void padString(String s) {
        if (!widPresent || wid == 0) {
            buf.append(s);
            return;
        }
        int width = wid - s.codePointCount(0, s.length());
        if (!minus) {
            writePadding(width);
            buf.append(s);
        } else {
            buf.append(s);
            writePadding(width);
        }
    }

    private void writePadding(int n) {
        if (n <= 0) {
            return;
        }
        char pad = zero ? '0' : ' ';
        for (int i = 0; i < n; i++) {
            buf.append(pad);
        }
    }
}
