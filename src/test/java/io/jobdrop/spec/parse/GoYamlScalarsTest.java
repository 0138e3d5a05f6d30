package io.jobdrop.spec.parse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GoYamlScalarsTest {

    static Stream<Arguments> plainScalars() {
        return Stream.of(
                Arguments.of("yes", true), Arguments.of("Yes", true), Arguments.of("YES", true),
                Arguments.of("y", true), Arguments.of("Y", true), Arguments.of("on", true), Arguments.of("ON", true),
                Arguments.of("true", true), Arguments.of("True", true),
                Arguments.of("no", false), Arguments.of("n", false), Arguments.of("N", false), Arguments.of("off", false),
                Arguments.of("Off", false), Arguments.of("FALSE", false),
                Arguments.of("yEs", "yEs"), Arguments.of("oN", "oN"),
                Arguments.of("~", null), Arguments.of("null", null), Arguments.of("Null", null), Arguments.of("NULL", null),
                Arguments.of("nULL", "nULL"),
                Arguments.of("010", 8L), Arguments.of("0x1F", 31L), Arguments.of("0o17", 15L), Arguments.of("0b101", 5L),
                Arguments.of("1_000", 1000L), Arguments.of("+12", 12L), Arguments.of("-0b101", -5L), Arguments.of("-0x10", -16L),
                Arguments.of("0", 0L), Arguments.of("-0", 0L),
                Arguments.of("9223372036854775807", Long.MAX_VALUE), Arguments.of("-9223372036854775808", Long.MIN_VALUE),
                Arguments.of("9223372036854775808", new BigInteger("9223372036854775808")),
                Arguments.of("18446744073709551615", new BigInteger("18446744073709551615")),
                Arguments.of("18446744073709551616", 1.8446744073709552E19),
                Arguments.of("-9223372036854775809", -9.223372036854776E18),
                Arguments.of("1.0", 1.0), Arguments.of("1.5", 1.5), Arguments.of("1.", 1.0), Arguments.of(".5", 0.5),
                Arguments.of("+.5", 0.5), Arguments.of("1e3", 1000.0), Arguments.of("1E-2", 0.01), Arguments.of("08", 8.0),
                Arguments.of("1e400", "1e400"), Arguments.of(".5_0", ".5_0"), Arguments.of("0o8", "0o8"),
                Arguments.of("0x", "0x"), Arguments.of("0x1p-2", "0x1p-2"), Arguments.of("1,000", "1,000"),
                Arguments.of(".inf", Double.POSITIVE_INFINITY), Arguments.of("+.Inf", Double.POSITIVE_INFINITY),
                Arguments.of("-.INF", Double.NEGATIVE_INFINITY), Arguments.of(".iNf", ".iNf"),
                Arguments.of("2024-01-01", "2024-01-01"), Arguments.of("2001-12-14t21:59:43.10-05:00", "2001-12-14t21:59:43.10-05:00"),
                Arguments.of("12:30", "12:30"), Arguments.of("1:30:00", "1:30:00"),
                Arguments.of("+", "+"), Arguments.of("-x", "-x"), Arguments.of("<<", "<<"),
                Arguments.of("Infinity", "Infinity"), Arguments.of("NaN", "NaN"), Arguments.of("1d", "1d"),
                Arguments.of("docker", "docker"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("plainScalars")
    void resolves_plain_scalars_like_go_yaml_v2(String text, Object expected) {
        assertThat(valueOf("v: " + text)).isEqualTo(expected);
    }

    @Test
    void resolves_dot_nan_to_not_a_number() {
        assertThat((Double) valueOf("v: .NaN")).isNaN();
    }

    @ParameterizedTest
    @ValueSource(strings = {"'yes'", "\"010\"", "'~'", "! 12", "!!str 1.5", "!!str yes"})
    void keeps_quoted_and_str_tagged_scalars_as_strings(String text) {
        assertThat(valueOf("v: " + text)).isInstanceOf(String.class);
    }

    @Test
    void keeps_an_empty_value_null_and_a_block_scalar_a_string() {
        assertThat(valueOf("v:")).isNull();
        assertThat(valueOf("v: |\n  10\n")).isEqualTo("10\n");
    }

    static Stream<Arguments> taggedScalars() {
        return Stream.of(
                Arguments.of("!!int '12'", 12L), Arguments.of("!!int 0x10", 16L), Arguments.of("!!float 1", 1.0),
                Arguments.of("!!float '2.5'", 2.5), Arguments.of("!!bool yes", true), Arguments.of("!!null ~", null),
                Arguments.of("!!timestamp 2001-12-14", "2001-12-14"), Arguments.of("!!binary aGVsbG8=", "hello"),
                Arguments.of("!!binary |\n  aGVs\n  bG8=\n", "hello"), Arguments.of("!<tag:yaml.org,2002:int> 7", 7L));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("taggedScalars")
    void honours_the_standard_scalar_tags(String text, Object expected) {
        assertThat(valueOf("v: " + text)).isEqualTo(expected);
    }

    static Stream<Arguments> tagMismatches() {
        return Stream.of(
                Arguments.of("!!int x", "cannot decode !!str `x` as a !!int"),
                Arguments.of("!!int 1.5", "cannot decode !!float `1.5` as a !!int"),
                Arguments.of("!!bool 1", "cannot decode !!int `1` as a !!bool"),
                Arguments.of("!!null foo", "cannot decode !!str `foo` as a !!null"),
                Arguments.of("!!timestamp 2001-13-01", "cannot decode !!str `2001-13-01` as a !!timestamp"),
                Arguments.of("!!binary abc", "!!binary value contains invalid base64 data"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tagMismatches")
    void reports_a_scalar_that_does_not_fit_its_tag_in_go_yaml_words(String text, String message) {
        assertThatThrownBy(() -> GoYaml.load("a: 1\nv: " + text))
                .isInstanceOf(YamlSyntaxException.class)
                .hasMessage("converting yaml to json: yaml: " + message)
                .extracting(e -> ((YamlSyntaxException) e).position().line()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"v: !foo x", "v: !!python/object:os.system x", "v: !<tag:example.com,2000:app> x",
            "v: !foo {a: 1}", "v: !!set {a: 1}", "v: !!seq {a: 1}", "v: !!map [1]", "v: !!omap [{a: 1}]"})
    void rejects_any_other_tag_with_its_position(String text) {
        assertThatThrownBy(() -> GoYaml.load("a: 1\n" + text))
                .isInstanceOf(YamlSyntaxException.class)
                .hasMessageStartingWith("converting yaml to json: yaml: line 2: unsupported tag ")
                .hasMessageContaining("only the standard tags")
                .extracting(e -> ((YamlSyntaxException) e).position()).hasFieldOrPropertyWithValue("column", 4);
    }

    private static Object valueOf(String yaml) {
        try {
            YamlMap map = (YamlMap) GoYaml.load(yaml).get(0).root();
            return ((YamlScalar) map.entries().get(0).value()).value();
        } catch (YamlSyntaxException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }
}
