package io.jobdrop.spec;

import io.jobdrop.spec.go.GoNumbers;

import java.math.BigDecimal;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * A memory or disk size the way Bacalhau reads it (dustin/go-humanize {@code ParseBytes}): a leading number of digits,
 * dots and commas (commas dropped), then a unit from a fixed table, where {@code mb} is 10^6 and {@code mib} is 2^20,
 * so the server default {@code 512Mb} is 512,000,000 bytes. The product is truncated to a uint64; 2^64 or more is
 * refused.
 */
public final class ByteQuantity {

    private static final double TWO_POW_64 = 0x1p64;

    private static final Map<String, Long> UNITS = Map.ofEntries(
            Map.entry("", 1L), Map.entry("b", 1L),
            Map.entry("k", 1_000L), Map.entry("kb", 1_000L), Map.entry("ki", 1L << 10), Map.entry("kib", 1L << 10),
            Map.entry("m", 1_000_000L), Map.entry("mb", 1_000_000L),
            Map.entry("mi", 1L << 20), Map.entry("mib", 1L << 20),
            Map.entry("g", 1_000_000_000L), Map.entry("gb", 1_000_000_000L),
            Map.entry("gi", 1L << 30), Map.entry("gib", 1L << 30),
            Map.entry("t", 1_000_000_000_000L), Map.entry("tb", 1_000_000_000_000L),
            Map.entry("ti", 1L << 40), Map.entry("tib", 1L << 40),
            Map.entry("p", 1_000_000_000_000_000L), Map.entry("pb", 1_000_000_000_000_000L),
            Map.entry("pi", 1L << 50), Map.entry("pib", 1L << 50),
            Map.entry("e", 1_000_000_000_000_000_000L), Map.entry("eb", 1_000_000_000_000_000_000L),
            Map.entry("ei", 1L << 60), Map.entry("eib", 1L << 60));

    private ByteQuantity() {
    }

    /**
     * The byte count as an unsigned 64-bit value (read it with {@link Long#toUnsignedString(long)} or
     * {@link Long#compareUnsigned}), or empty where go-humanize fails.
     */
    public static OptionalLong parseBytes(String text) {
        int end = 0;
        while (end < text.length()) {
            int cp = text.codePointAt(end);
            if (!(Character.isDigit(cp) || cp == '.' || cp == ',')) {
                break;
            }
            if (cp > 0x7F) {
                // go-humanize counts runes but slices bytes there: a non-ASCII digit always breaks the number
                return OptionalLong.empty();
            }
            end++;
        }
        OptionalDouble number = GoNumbers.parseFloat(text.substring(0, end).replace(",", ""));
        if (number.isEmpty()) {
            return OptionalLong.empty();
        }
        Long multiplier = UNITS.get(GoText.toLower(GoText.trimSpace(text.substring(end))));
        if (multiplier == null) {
            return OptionalLong.empty();
        }
        double bytes = number.getAsDouble() * multiplier;
        if (bytes >= TWO_POW_64) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(new BigDecimal(bytes).toBigInteger().longValue());
    }
}
