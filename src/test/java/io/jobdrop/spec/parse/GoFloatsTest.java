package io.jobdrop.spec.parse;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class GoFloatsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "1.5, 1.5", "1.0, 1", "1e21, 1e+21", "1e20, 100000000000000000000", "1e-7, 1e-7", "0.000001, 0.000001",
            "-0.0, -0", "123456789.125, 123456789.125", "0.30000000000000004, 0.30000000000000004", "4.9e-324, 5e-324",
            "1.7976931348623157e308, 1.7976931348623157e+308", "-2.5e-10, -2.5e-10", "1.2e22, 1.2e+22"})
    void writes_floats_as_go_json_does(double value, String expected) {
        assertThat(GoFloats.json(value)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}/{1} -> {2}")
    @CsvSource({
            "1e6, 64, 1e+06", "123456, 64, 123456", "0.0001, 64, 0.0001", "0.00001, 64, 1e-05", "100, 64, 100",
            "1e21, 64, 1e+21", "1.5, 32, 1.5", "0.1, 32, 0.1", "1.23456789, 32, 1.2345679", "16777217, 32, 1.6777216e+07",
            "0, 64, 0", "-1.5, 32, -1.5", "NaN, 64, NaN", "Infinity, 32, +Inf", "-Infinity, 64, -Inf"})
    void formats_floats_as_strconv_g_shortest(double value, int bits, String expected) {
        assertThat(GoFloats.shortestG(value, bits)).isEqualTo(expected);
    }
}
