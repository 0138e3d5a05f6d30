package io.jobdrop.spec;

import java.util.OptionalLong;

/** A GPU count the way Bacalhau reads it: {@code strconv.ParseUint(s, 10, 64)}, so no sign, no fraction. */
public final class GpuQuantity {

    private GpuQuantity() {
    }

    /** The count as an unsigned 64-bit value, or empty where Go refuses the text. */
    public static OptionalLong parseCount(String text) {
        if (text.isEmpty() || !CpuQuantity.allAsciiDigits(text, 0)) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseUnsignedLong(text));
        } catch (NumberFormatException outOfRange) {
            return OptionalLong.empty();
        }
    }
}
