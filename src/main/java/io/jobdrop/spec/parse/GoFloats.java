package io.jobdrop.spec.parse;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Go's float formatting, which Bacalhau's messages expose: {@code encoding/json} writes a float64 in the shortest form
 * that reads back the same ({@code 1.5}, {@code 1e+21}), {@code sigs.k8s.io/yaml} turns float keys into strings with
 * {@code strconv.FormatFloat(f, 'g', -1, 32)}, and {@code %#v} uses {@code 'g'} with 64 bits.
 */
final class GoFloats {

    private GoFloats() {
    }

    /** The shortest decimal digits ({@code 0.digits × 10^point}) that read back as the same float of {@code bits}. */
    private record Digits(String digits, int point) {
    }

    /** {@code encoding/json}'s float64 encoder: {@code 'f'} form, {@code 'e'} below 1e-6 or from 1e21 on. */
    static String json(double value) {
        double abs = Math.abs(value);
        boolean exponent = abs != 0 && (abs < 1e-6 || abs >= 1e21);
        Digits d = shortest(value, 64);
        String text = exponent ? exponentForm(value, d, d.digits.length() - 1) : fixedForm(value, d);
        int n = text.length();
        // Go's encoder writes e-7 where strconv gives e-07.
        if (exponent && n >= 4 && text.charAt(n - 4) == 'e' && text.charAt(n - 3) == '-' && text.charAt(n - 2) == '0') {
            text = text.substring(0, n - 2) + text.charAt(n - 1);
        }
        return text;
    }

    /** {@code strconv.FormatFloat(value, 'g', -1, bits)}. */
    static String shortestG(double value, int bits) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        Digits d = shortest(value, bits);
        int exp = d.point - 1;
        if (exp < -4 || exp >= 6) {
            return exponentForm(value, d, d.digits.length() - 1);
        }
        return fixedForm(value, d);
    }

    private static Digits shortest(double value, int bits) {
        double abs = Math.abs(value);
        if (abs == 0) {
            return new Digits("", 0);
        }
        BigDecimal exact = bits == 32 ? new BigDecimal((float) abs) : new BigDecimal(abs);
        int maxDigits = bits == 32 ? 9 : 17;
        for (int p = 1; p <= maxDigits; p++) {
            BigDecimal down = exact.round(new MathContext(p, RoundingMode.FLOOR));
            BigDecimal up = exact.round(new MathContext(p, RoundingMode.CEILING));
            boolean downFits = readsBack(down, abs, bits);
            boolean upFits = readsBack(up, abs, bits);
            if (downFits || upFits) {
                BigDecimal chosen;
                if (downFits && upFits) {
                    int cmp = exact.subtract(down).compareTo(up.subtract(exact));
                    chosen = cmp < 0 ? down : cmp > 0 ? up : exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
                } else {
                    chosen = downFits ? down : up;
                }
                return digitsOf(chosen);
            }
        }
        return digitsOf(exact.round(new MathContext(maxDigits, RoundingMode.HALF_EVEN)));
    }

    private static boolean readsBack(BigDecimal candidate, double abs, int bits) {
        return bits == 32 ? candidate.floatValue() == (float) abs : candidate.doubleValue() == abs;
    }

    private static Digits digitsOf(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        String digits = stripped.unscaledValue().toString();
        return new Digits(digits, digits.length() - stripped.scale());
    }

    /** strconv's {@code %e}: one digit, {@code precision} more after the point, exponent with at least two digits. */
    private static String exponentForm(double value, Digits d, int precision) {
        StringBuilder out = new StringBuilder();
        if (negative(value)) {
            out.append('-');
        }
        String digits = d.digits;
        out.append(digits.isEmpty() ? '0' : digits.charAt(0));
        if (precision > 0) {
            out.append('.');
            for (int i = 1; i <= precision; i++) {
                out.append(i < digits.length() ? digits.charAt(i) : '0');
            }
        }
        int exp = digits.isEmpty() ? 0 : d.point - 1;
        out.append('e').append(exp < 0 ? '-' : '+');
        int absExp = Math.abs(exp);
        if (absExp < 10) {
            out.append('0');
        }
        return out.append(absExp).toString();
    }

    /** strconv's {@code %f} with just the digits needed. */
    private static String fixedForm(double value, Digits d) {
        StringBuilder out = new StringBuilder();
        if (negative(value)) {
            out.append('-');
        }
        String digits = d.digits;
        int point = d.point;
        if (point > 0) {
            int whole = Math.min(digits.length(), point);
            out.append(digits, 0, whole);
            for (int i = whole; i < point; i++) {
                out.append('0');
            }
        } else {
            out.append('0');
        }
        int fraction = Math.max(digits.length() - point, 0);
        if (fraction > 0) {
            out.append('.');
            for (int i = 0; i < fraction; i++) {
                int j = point + i;
                out.append(j < 0 || j >= digits.length() ? '0' : digits.charAt(j));
            }
        }
        return out.toString();
    }

    private static boolean negative(double value) {
        return Double.doubleToRawLongBits(value) < 0;
    }
}
