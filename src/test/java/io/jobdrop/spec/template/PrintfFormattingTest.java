package io.jobdrop.spec.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** printf and print follow Go's fmt; every expectation below is Go's own output. */
class PrintfFormattingTest {

    static String render(String template) throws TemplateException {
        return GoTemplate.render(template, Map.of("a", "1"));
    }

    @Test
    void fixed_precision_rounds_half_to_even_on_the_exact_binary_value() throws Exception {
        assertThat(render("{{printf \"%.0f %.0f %.0f %.2f %.1f\" 0.5 1.5 2.5 0.125 0.25}}")).isEqualTo("0 2 2 0.12 0.2");
    }

    @Test
    void exponent_and_general_formats_match_strconv() throws Exception {
        assertThat(render("{{printf \"%e|%E|%.3e|%g|%G|%.3g|%#g\" 1234.5678 0.000012 1e21 1e-7 1e21 1234.5678 1.0}}"))
                .isEqualTo("1.234568e+03|1.200000E-05|1.000e+21|1e-07|1E+21|1.23e+03|1.00000");
        assertThat(render("{{printf \"%v %v %v %v\" 1e20 1e21 123456789.0 0.000001}}"))
                .isEqualTo("1e+20 1e+21 1.23456789e+08 1e-06");
    }

    @Test
    void floats_print_in_hexadecimal_and_binary() throws Exception {
        assertThat(render("{{printf \"%x|%X|%b|%.2x\" 1.0 255.5 0.5 3.14159}}"))
                .isEqualTo("0x1p+00|0X1.FFP+07|4503599627370496p-53|0x1.92p+01");
    }

    @Test
    void strings_print_as_hex_bytes_and_go_quoted_strings() throws Exception {
        assertThat(render("{{printf \"%x|% x|%#x|%X|%.2x\" \"hi\" \"hi\" \"hi\" \"héllo\" \"hello\"}}"))
                .isEqualTo("6869|68 69|0x6869|68C3A96C6C6F|6865");
        assertThat(render("{{printf \"%q|%+q|%#q|%.2q\" \"é\\n\" \"é\" \"a`b\" \"hello\"}}"))
                .isEqualTo("\"é\\n\"|\"\\u00e9\"|\"a`b\"|\"he\"");
    }

    @Test
    void integers_print_as_runes_and_code_points() throws Exception {
        assertThat(render("{{printf \"%c|%q|%U|%#U\" 0x1F600 65 0x1F600 65}}")).isEqualTo("😀|'A'|U+1F600|U+0041 'A'");
    }

    @Test
    void flags_width_and_precision_pad_and_sign_numbers() throws Exception {
        assertThat(render("{{printf \"%08.3f|%+d|% d|%x|%o|%#o|%b|%O\" -3.14159 5 5 -255 8 8 5 8}}"))
                .isEqualTo("-003.142|+5| 5|-ff|10|010|101|0o10");
        assertThat(render("{{printf \"%6.2f|%-8.3s|%08d|%+.1e\" 3.14159 \"abcdef\" -42 12345.0}}"))
                .isEqualTo("  3.14|abc     |-0000042|+1.2e+04");
    }

    @Test
    void star_takes_width_and_precision_from_the_arguments() throws Exception {
        assertThat(render("{{printf \"%*d|%-*d|%.*f|%.*f\" 5 1 4 2 2 3.14159 -1 2.5}}"))
                .isEqualTo("    1|2   |3.14|%!(BADPREC)2.500000");
    }

    @Test
    void explicit_argument_indexes_reorder_arguments() throws Exception {
        assertThat(render("{{printf \"%[2]s %[1]s %s\" \"a\" \"b\"}}")).isEqualTo("b a b");
    }

    @Test
    void type_verb_names_go_types() throws Exception {
        assertThat(render("{{printf \"%T %T %T %T %T %T %T\" 1 \"a\" 1.5 true nil . (index \"a\" 0)}}"))
                .isEqualTo("int string float64 bool <nil> map[string]string uint8");
    }

    @Test
    void the_data_map_prints_with_sorted_keys_in_every_form() throws Exception {
        assertThat(render("{{printf \"%v|%#v|%d|%s\" . . . .}}"))
                .isEqualTo("map[a:1]|map[string]string{\"a\":\"1\"}|map[%!d(string=a):%!d(string=1)]|map[a:1]");
    }

    @Test
    void malformed_formats_are_noted_in_the_output() throws Exception {
        assertThat(render("{{printf \"%!\"}}|{{printf \"%z\" 1}}|{{printf \"%\"}}|{{printf \"%[3]d\" 1}}|{{printf \"%d\" nil}}"))
                .isEqualTo("%!!(MISSING)|%!z(int=1)|%!(NOVERB)|%!d(BADINDEX)|%!d(<nil>)");
    }

    @Test
    void print_shows_every_kind_of_value() throws Exception {
        assertThat(render("{{print 1.0 2.5 (index \"a\" 0) 1+2i true nil}}")).isEqualTo("1 2.5 97 (1+2i) true <nil>");
    }
}
