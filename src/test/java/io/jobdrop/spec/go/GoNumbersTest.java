package io.jobdrop.spec.go;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class GoNumbersTest {

    @Test
    void parses_floats_with_underscores_hexadecimal_mantissas_and_special_words() {
        assertThat(GoNumbers.parseFloat("1_000.5")).hasValue(1000.5);
        assertThat(GoNumbers.parseFloat("0x1p-2")).hasValue(0.25);
        assertThat(GoNumbers.parseFloat("Inf")).hasValue(Double.POSITIVE_INFINITY);
        assertThat(GoNumbers.parseFloat("-infinity")).hasValue(Double.NEGATIVE_INFINITY);
        assertThat(GoNumbers.parseFloat("NaN").getAsDouble()).isNaN();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1__0", "_1", "1_", "0x1", "1e", "1.5d", " 1", "1e400", "+nan", "1.2.3"})
    void rejects_what_strconv_parse_float_rejects(String text) {
        assertThat(GoNumbers.parseFloat(text)).isEmpty();
    }

    @Test
    void parses_unsigned_integers_in_the_base_their_prefix_names() {
        assertThat(GoNumbers.parseUint("0b101")).hasValue(5);
        assertThat(GoNumbers.parseUint("0o17")).hasValue(15);
        assertThat(GoNumbers.parseUint("017")).hasValue(15);
        assertThat(GoNumbers.parseUint("0x_ff")).hasValue(255);
        assertThat(GoNumbers.parseUint("18446744073709551615")).hasValue(-1L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "18446744073709551616", "-1", "+1", "1_", "08", "0x", "１"})
    void rejects_what_strconv_parse_uint_rejects(String text) {
        assertThat(GoNumbers.parseUint(text)).isEmpty();
    }

    @Test
    void parses_signed_integers_within_int64() {
        assertThat(GoNumbers.parseInt("-9223372036854775808")).hasValue(Long.MIN_VALUE);
        assertThat(GoNumbers.parseInt("+0x10")).hasValue(16);
        assertThat(GoNumbers.parseInt("-0")).hasValue(0);
        assertThat(GoNumbers.parseInt("9223372036854775808")).isEmpty();
        assertThat(GoNumbers.parseInt("-9223372036854775809")).isEmpty();
    }
}
