package io.jobdrop.spec.go;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GoQuotingTest {

    @Test
    void quotes_strings_as_strconv_quote() {
        assertThat(GoQuoting.quote("a\"b\\\n\t\u0001é\u00a0\u2028x"))
                .isEqualTo("\"a\\\"b\\\\\\n\\t\\x01é\\u00a0\\u2028x\"");
    }

    @Test
    void keeps_printable_characters_beyond_the_basic_plane_and_escapes_the_others() {
        assertThat(GoQuoting.quote("😀\uDB40\uDC01")).isEqualTo("\"😀\\U000e0001\"");
    }

    @Test
    void escapes_everything_outside_ascii_when_asked_to() {
        assertThat(GoQuoting.quoteToAscii("é😀")).isEqualTo("\"\\u00e9\\U0001f600\"");
    }

    @Test
    void escapes_an_unpaired_surrogate_in_a_string_as_itself() {
        assertThat(GoQuoting.quote("a\uD800")).isEqualTo("\"a\\ud800\"");
    }

    @Test
    void quotes_an_invalid_rune_as_the_replacement_character() {
        assertThat(GoQuoting.quoteRune(0xD800, false)).isEqualTo("'\uFFFD'");
        assertThat(GoQuoting.quoteRune(0x110000, true)).isEqualTo("'\\ufffd'");
    }

    @Test
    void unquotes_byte_escapes_into_utf8_and_drops_carriage_returns_from_raw_strings() throws Exception {
        assertThat(GoQuoting.unquote("\"\\xc3\\xa9\\u00e9\\101\"")).isEqualTo("ééA");
        assertThat(GoQuoting.unquote("`a\rb`")).isEqualTo("ab");
    }

    @Test
    void rejects_escapes_of_surrogates() {
        assertThatThrownBy(() -> GoQuoting.unquote("\"\\ud800\"")).isInstanceOf(GoQuoting.SyntaxError.class);
    }
}
