package io.jobdrop.spec.template;

import io.jobdrop.spec.go.GoNumbers;
import io.jobdrop.spec.go.GoQuoting;

import java.math.BigDecimal;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * A numeric constant with every Go type it fits (parse.NumberNode): "1" is an int, a uint and a float; "1.5" only a
 * float; 'a' a rune that is all three. Execution picks the type from the literal's syntax.
 */
final class NumberValue {
    private static final double TWO_63 = 0x1p63;
    private static final double TWO_64 = 0x1p64;

    boolean isInt;
    boolean isUint;
    boolean isFloat;
    boolean isComplex;
    long int64;
    long uint64;
    double float64;
    GoComplex complex128;

    /** Why a literal is not a number, in Go's words. */
    static final class NumberSyntaxError extends Exception {
        NumberSyntaxError(String message) {
            super(message, null, false, false);
        }
    }

    static NumberValue parse(String text, ItemType type) throws NumberSyntaxError {
        NumberValue n = new NumberValue();
        if (type == ItemType.CHAR_CONSTANT) {
            GoQuoting.Unquoted rune;
            try {
                rune = GoQuoting.unquoteChar(text, 1, '\'');
            } catch (GoQuoting.SyntaxError e) {
                throw new NumberSyntaxError(e.getMessage());
            }
            if (!text.substring(rune.tail()).equals("'")) {
                throw new NumberSyntaxError("malformed character constant: " + text);
            }
            n.isInt = n.isUint = n.isFloat = true;
            n.int64 = n.uint64 = rune.value();
            n.float64 = rune.value();
            return n;
        }
        if (type == ItemType.COMPLEX) {
            n.isComplex = true;
            n.complex128 = parseComplex(text);
            n.simplifyComplex();
            return n;
        }
        if (text.endsWith("i")) {
            OptionalDouble imaginary = GoNumbers.parseFloat(text.substring(0, text.length() - 1));
            if (imaginary.isPresent()) {
                n.isComplex = true;
                n.complex128 = new GoComplex(0, imaginary.getAsDouble());
                n.simplifyComplex();
                return n;
            }
        }
        OptionalLong u = GoNumbers.parseUint(text);
        if (u.isPresent()) {
            n.isUint = true;
            n.uint64 = u.getAsLong();
        }
        OptionalLong i = GoNumbers.parseInt(text);
        if (i.isPresent()) {
            n.isInt = true;
            n.int64 = i.getAsLong();
            if (n.int64 == 0) {
                n.isUint = true; // "-0"
                n.uint64 = 0;
            }
        }
        if (n.isInt) {
            n.isFloat = true;
            n.float64 = n.int64;
        } else if (n.isUint) {
            n.isFloat = true;
            n.float64 = unsignedToDouble(n.uint64);
        } else {
            OptionalDouble f = GoNumbers.parseFloat(text);
            if (f.isPresent()) {
                if (!containsAny(text, ".eEpP")) {
                    // parsed as a float but written as an integer: too big for any integer type
                    throw new NumberSyntaxError("integer overflow: " + GoQuoting.quote(text));
                }
                n.isFloat = true;
                n.float64 = f.getAsDouble();
                n.takeIntegersOf(n.float64);
            }
        }
        if (!n.isInt && !n.isUint && !n.isFloat) {
            throw new NumberSyntaxError("illegal number syntax: " + GoQuoting.quote(text));
        }
        return n;
    }

    static boolean containsAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    private void simplifyComplex() {
        isFloat = complex128.imag() == 0;
        if (isFloat) {
            float64 = complex128.real();
            takeIntegersOf(float64);
        }
    }

    private void takeIntegersOf(double f) {
        boolean integral = f == Math.rint(f);
        if (!isInt && integral && f >= -TWO_63 && f < TWO_63) {
            isInt = true;
            int64 = (long) f;
        }
        if (!isUint && integral && f >= 0 && f < TWO_64) {
            isUint = true;
            uint64 = new BigDecimal(f).toBigInteger().longValue();
        }
    }

    private static double unsignedToDouble(long bits) {
        double d = (double) (bits >>> 1) * 2.0 + (bits & 1);
        return bits >= 0 ? (double) bits : d;
    }

    /** fmt.Sscan of "re+imi", the only shape the lexer lets through. */
    private static GoComplex parseComplex(String text) throws NumberSyntaxError {
        for (int split = text.length() - 2; split > 0; split--) {
            char c = text.charAt(split);
            char before = Character.toLowerCase(text.charAt(split - 1));
            if ((c == '+' || c == '-') && before != 'e' && before != 'p') {
                OptionalDouble re = GoNumbers.parseFloat(text.substring(0, split));
                OptionalDouble im = GoNumbers.parseFloat(text.substring(split, text.length() - 1));
                if (re.isPresent() && im.isPresent()) {
                    return new GoComplex(re.getAsDouble(), im.getAsDouble());
                }
                break;
            }
        }
        throw new NumberSyntaxError("strconv.ParseFloat: parsing " + GoQuoting.quote(text) + ": invalid syntax");
    }
}
