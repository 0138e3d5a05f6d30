package io.jobdrop.spec.parse;

import io.jobdrop.spec.go.GoNumbers;

import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * go-yaml v2's scalar resolution ({@code resolve.go}), YAML 1.1 style: {@code yes}/{@code on}/{@code y} are booleans,
 * {@code 010} is octal, {@code 1_000} is a thousand, timestamps stay strings. Values come back as the Java types of
 * {@link YamlScalar}: Go int as {@link Long}, uint64 beyond it as {@link BigInteger}, float64 as {@link Double}.
 */
final class GoScalars {

    static final String STR = "!!str";
    static final String INT = "!!int";
    static final String FLOAT = "!!float";
    static final String BOOL = "!!bool";
    static final String NULL = "!!null";
    static final String TIMESTAMP = "!!timestamp";

    /** Why a scalar could not be read under its explicit tag, in go-yaml's words. */
    static final class TagMismatch extends Exception {
        private static final long serialVersionUID = 1L;

        TagMismatch(String message) {
            super(message);
        }
    }

    private static final Pattern YAML_STYLE_FLOAT = Pattern.compile("^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$");
    private static final Pattern DOT_FLOAT = Pattern.compile("^\\.[0-9]+([eE][-+]?[0-9]+)?$");
    private static final Pattern TIMESTAMP_TEXT = Pattern.compile(
            "^(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:(?:([Tt])|( ))(\\d{1,2}):(\\d{1,2}):(\\d{1,2})(?:[.,]\\d+)?(Z|[+-]\\d{2}:\\d{2})?)?$");

    private static final Object NO_VALUE = new Object();

    private static final Map<String, Object> WORDS = words();

    private GoScalars() {
    }

    /** The value of an untagged plain scalar. */
    static Object resolvePlain(String in) {
        Resolved r = resolve("", in);
        return r.value;
    }

    /** The value of a scalar under an explicit standard tag ({@code !!int}, ...). */
    static Object resolveTagged(String tag, String in) throws TagMismatch {
        Resolved r = resolve(tag, in);
        if (tag.equals(r.tag) || tag.equals(STR)) {
            return r.value;
        }
        if (tag.equals(FLOAT) && r.tag.equals(INT) && r.value instanceof Long l) {
            return l.doubleValue();
        }
        throw new TagMismatch("cannot decode " + r.tag + " `" + in + "` as a " + tag);
    }

    private record Resolved(String tag, Object value) {
    }

    private static Resolved resolve(String tag, String in) {
        char hint = in.isEmpty() ? 'N' : hint(in.charAt(0));
        if (hint != 0 && !tag.equals(STR)) {
            if (WORDS.containsKey(in)) {
                Object v = WORDS.get(in);
                return new Resolved(tagOf(v, in), v);
            }
            if (hint == '.') {
                OptionalDouble f = DOT_FLOAT.matcher(in).matches() ? GoNumbers.parseFloat(in) : OptionalDouble.empty();
                if (f.isPresent()) {
                    return new Resolved(FLOAT, f.getAsDouble());
                }
            } else if (hint == 'D' || hint == 'S') {
                // A timestamp stays the text it was written as, which is what falling through gives too.
                if ((tag.isEmpty() || tag.equals(TIMESTAMP)) && isTimestamp(in)) {
                    return new Resolved(TIMESTAMP, in);
                }
                Object number = number(in.replace("_", ""));
                if (number != NO_VALUE) {
                    return new Resolved(number instanceof Double ? FLOAT : INT, number);
                }
            }
        }
        return new Resolved(STR, in);
    }

    private static Object number(String plain) {
        OptionalLong i = GoNumbers.parseInt(plain);
        if (i.isPresent()) {
            return i.getAsLong();
        }
        OptionalLong u = GoNumbers.parseUint(plain);
        if (u.isPresent()) {
            return new BigInteger(Long.toUnsignedString(u.getAsLong()));
        }
        if (YAML_STYLE_FLOAT.matcher(plain).matches()) {
            OptionalDouble f = GoNumbers.parseFloat(plain);
            if (f.isPresent()) {
                return f.getAsDouble();
            }
        }
        return NO_VALUE;
    }

    private static char hint(char c) {
        if (c == '+' || c == '-') {
            return 'S';
        }
        if (c >= '0' && c <= '9') {
            return 'D';
        }
        if ("yYnNtTfFoO~".indexOf(c) >= 0) {
            return 'M';
        }
        return c == '.' ? '.' : 0;
    }

    private static String tagOf(Object value, String in) {
        if (value == null) {
            return NULL;
        }
        if (value instanceof Boolean) {
            return BOOL;
        }
        if (value instanceof Double) {
            return FLOAT;
        }
        return in.equals("<<") ? "!!merge" : STR;
    }

    /** The layouts go-yaml tries: {@code 2006-1-2}, with {@code T15:4:5.999999999Z07:00} or a zone-less time. */
    static boolean isTimestamp(String s) {
        Matcher m = TIMESTAMP_TEXT.matcher(s);
        if (!m.matches()) {
            return false;
        }
        boolean withT = m.group(4) != null;
        boolean withSpace = m.group(5) != null;
        boolean zoned = m.group(9) != null;
        if ((withT && !zoned) || (withSpace && zoned)) {
            return false;
        }
        try {
            LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (DateTimeException e) {
            return false;
        }
        if (m.group(6) == null) {
            return true;
        }
        return Integer.parseInt(m.group(6)) < 24 && Integer.parseInt(m.group(7)) < 60 && Integer.parseInt(m.group(8)) < 60;
    }

    private static Map<String, Object> words() {
        Map<String, Object> m = new java.util.HashMap<>();
        for (String s : new String[] {"y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"}) {
            m.put(s, Boolean.TRUE);
        }
        for (String s : new String[] {"n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"}) {
            m.put(s, Boolean.FALSE);
        }
        for (String s : new String[] {"", "~", "null", "Null", "NULL"}) {
            m.put(s, null);
        }
        for (String s : new String[] {".nan", ".NaN", ".NAN"}) {
            m.put(s, Double.NaN);
        }
        for (String s : new String[] {".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF"}) {
            m.put(s, Double.POSITIVE_INFINITY);
        }
        for (String s : new String[] {"-.inf", "-.Inf", "-.INF"}) {
            m.put(s, Double.NEGATIVE_INFINITY);
        }
        m.put("<<", "<<");
        return java.util.Collections.unmodifiableMap(m);
    }
}
