package io.jobdrop.spec.template;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * strconv.FormatFloat(v, fmt, prec, 64) for the 'e', 'f', 'g', 'x' and 'b' formats; prec -1 asks for the shortest
 * digits.
 */
final class FloatFormat {

    private FloatFormat() {
    }

    /** Decimal digits without leading or trailing zeros; the point sits after dp of them. */
    private record Digits(String d, int dp) {
        int nd() {
            return d.length();
        }

        static Digits of(BigDecimal value) {
            if (value.signum() == 0) {
                return new Digits("", 0);
            }
            BigDecimal stripped = value.stripTrailingZeros();
            String d = stripped.unscaledValue().abs().toString();
            return new Digits(d, d.length() - stripped.scale());
        }
    }

    static String format(double v, char fmt, int prec) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        boolean negative = Double.doubleToRawLongBits(v) < 0;
        if (fmt == 'b' || fmt == 'x' || fmt == 'X') {
            return (negative ? "-" : "") + binary(Math.abs(v), fmt, prec);
        }
        BigDecimal exact = new BigDecimal(Math.abs(v));
        boolean shortest = prec < 0;
        char lower = Character.toLowerCase(fmt);
        Digits digs;
        if (shortest) {
            digs = shortestDigits(Math.abs(v), exact);
            prec = switch (lower) {
                case 'e' -> Math.max(digs.nd() - 1, 0);
                case 'f' -> Math.max(digs.nd() - digs.dp(), 0);
                default -> digs.nd();
            };
        } else if (lower == 'f') {
            digs = Digits.of(exact.setScale(prec, RoundingMode.HALF_EVEN));
        } else {
            if (lower == 'g' && prec == 0) {
                prec = 1;
            }
            int significant = lower == 'e' ? prec + 1 : prec;
            digs = exact.signum() == 0 ? new Digits("", 0)
                    : Digits.of(exact.round(new MathContext(significant, RoundingMode.HALF_EVEN)));
        }
        StringBuilder sb = new StringBuilder();
        if (negative) {
            sb.append('-');
        }
        switch (lower) {
            case 'e' -> appendE(sb, digs, prec, fmt);
            case 'f' -> appendF(sb, digs, prec);
            default -> {
                int eprec = prec;
                if (eprec > digs.nd() && digs.nd() >= digs.dp()) {
                    eprec = digs.nd();
                }
                if (shortest) {
                    eprec = 6; // %e is used for exponents below -4 or from the precision up
                }
                int exp = digs.dp() - 1;
                if (exp < -4 || exp >= eprec) {
                    appendE(sb, digs, Math.min(prec, digs.nd()) - 1, fmt == 'G' ? 'E' : 'e');
                } else {
                    appendF(sb, digs, Math.max((prec > digs.dp() ? digs.nd() : prec) - digs.dp(), 0));
                }
            }
        }
        return sb.toString();
    }

    /** %b (mantissa p binary exponent) and %x (hexadecimal mantissa p binary exponent) of a non-negative value. */
    private static String binary(double abs, char fmt, int prec) {
        long bits = Double.doubleToRawLongBits(abs);
        int exp = (int) (bits >>> 52) & 0x7FF;
        long mant = bits & ((1L << 52) - 1);
        if (exp == 0) {
            exp++; // denormal
        } else {
            mant |= 1L << 52;
        }
        exp -= 1023;
        if (fmt == 'b') {
            int e = exp - 52;
            return mant + "p" + (e >= 0 ? "+" : "") + e;
        }
        if (mant == 0) {
            exp = 0;
        }
        mant <<= 60 - 52; // leading 1, if any, at bit 60
        while (mant != 0 && (mant & (1L << 60)) == 0) {
            mant <<= 1;
            exp--;
        }
        if (prec >= 0 && prec < 15) {
            int shift = prec * 4;
            long extra = (mant << shift) & ((1L << 60) - 1);
            mant >>>= 60 - shift;
            if ((extra | (mant & 1)) > 1L << 59) {
                mant++;
            }
            mant <<= 60 - shift;
            if ((mant & (1L << 61)) != 0) {
                mant >>>= 1;
                exp++;
            }
        }
        String hex = fmt == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
        StringBuilder sb = new StringBuilder().append('0').append(fmt).append((char) ('0' + ((mant >>> 60) & 1)));
        mant <<= 4;
        if (prec < 0 && mant != 0) {
            sb.append('.');
            while (mant != 0) {
                sb.append(hex.charAt((int) ((mant >>> 60) & 15)));
                mant <<= 4;
            }
        } else if (prec > 0) {
            sb.append('.');
            for (int i = 0; i < prec; i++) {
                sb.append(hex.charAt((int) ((mant >>> 60) & 15)));
                mant <<= 4;
            }
        }
        sb.append(fmt == 'X' ? 'P' : 'p').append(exp < 0 ? '-' : '+');
        exp = Math.abs(exp);
        if (exp < 10) {
            sb.append('0');
        }
        return sb.append(exp).toString();
    }

    private static Digits shortestDigits(double abs, BigDecimal exact) {
        if (abs == 0) {
            return new Digits("", 0);
        }
        for (int n = 1; n < 17; n++) {
            BigDecimal rounded = exact.round(new MathContext(n, RoundingMode.HALF_EVEN));
            if (rounded.doubleValue() == abs) {
                return Digits.of(rounded);
            }
        }
        return Digits.of(exact.round(new MathContext(17, RoundingMode.HALF_EVEN)));
    }

    private static void appendE(StringBuilder sb, Digits digs, int prec, char fmt) {
        sb.append(digs.nd() == 0 ? '0' : digs.d().charAt(0));
        if (prec > 0) {
            sb.append('.');
            for (int i = 1; i <= prec; i++) {
                sb.append(i < digs.nd() ? digs.d().charAt(i) : '0');
            }
        }
        sb.append(fmt);
        int exp = digs.nd() == 0 ? 0 : digs.dp() - 1;
        sb.append(exp < 0 ? '-' : '+');
        exp = Math.abs(exp);
        if (exp < 10) {
            sb.append('0');
        }
        sb.append(exp);
    }

    private static void appendF(StringBuilder sb, Digits digs, int prec) {
        if (digs.dp() > 0) {
            int m = Math.min(digs.nd(), digs.dp());
            sb.append(digs.d(), 0, m);
            sb.append("0".repeat(digs.dp() - m));
        } else {
            sb.append('0');
        }
        if (prec > 0) {
            sb.append('.');
            for (int i = 1; i <= prec; i++) {
                int j = digs.dp() + i - 1;
                sb.append(j >= 0 && j < digs.nd() ? digs.d().charAt(j) : '0');
            }
        }
    }
}
