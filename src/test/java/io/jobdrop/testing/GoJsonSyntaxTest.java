package io.jobdrop.testing;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Expected texts and offsets are what Go's json.Decoder reports for the same bytes. */
class GoJsonSyntaxTest {

    private static GoJsonSyntax.Result scan(String text) {
        return GoJsonSyntax.firstValue(text.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "x                      | invalid character 'x' looking for beginning of value                 | 1",
            "{\"Job\": x}           | invalid character 'x' looking for beginning of value                 | 9",
            "{Job: 1}               | invalid character 'J' looking for beginning of object key string     | 2",
            "{\"a\" 1}              | invalid character '1' after object key                               | 6",
            "{\"a\":1 \"b\":2}      | invalid character '\"' after object key:value pair                   | 8",
            "[1 2]                  | invalid character '2' after array element                            | 4",
            "{\"a\":tru}            | invalid character '}' in literal true (expecting 'e')                | 9",
            "{\"a\":nul}            | invalid character '}' in literal null (expecting 'l')                | 9",
            "{\"a\":fals}           | invalid character '}' in literal false (expecting 'e')               | 10",
            "{\"a\":-x}             | invalid character 'x' in numeric literal                             | 7",
            "{\"a\":1.}             | invalid character '}' after decimal point in numeric literal         | 8",
            "{\"a\":1e}             | invalid character '}' in exponent of numeric literal                 | 8",
            "{\"a\":\"\\q\"}        | invalid character 'q' in string escape code                          | 8",
            "{\"a\":\"\\u12x4\"}    | invalid character 'x' in \\u hexadecimal character escape            | 11",
            "{\"a\":01}             | invalid character '1' after object key:value pair                    | 7",
            "{'a':1}                | invalid character '\\'' looking for beginning of object key string   | 2",
    })
    void reports_gos_message_and_offset(String input, String message, long offset) {
        assertThat(scan(input)).isEqualTo(new GoJsonSyntax.SyntaxError(message, offset));
    }

    @Test
    void control_characters_in_strings_are_quoted_as_go_does() {
        assertThat(scan("{\"a\":\"x\ny\"}")).isEqualTo(
                new GoJsonSyntax.SyntaxError("invalid character '\\n' in string literal", 8));
        assertThat(scan("{\"a\":\"\u0001\"}")).isEqualTo(
                new GoJsonSyntax.SyntaxError("invalid character '\\x01' in string literal", 7));
    }

    @Test
    void a_value_cut_off_is_unexpected_eof_and_nothing_is_eof() {
        assertThat(scan("{\"Job\": {\"Name\":")).isEqualTo(new GoJsonSyntax.Eof("unexpected EOF"));
        assertThat(scan("tr")).isEqualTo(new GoJsonSyntax.Eof("unexpected EOF"));
        assertThat(scan(" \n ")).isEqualTo(new GoJsonSyntax.Eof("EOF"));
    }

    @Test
    void finds_the_end_of_the_first_value_and_ignores_the_rest() {
        assertThat(scan("{\"a\":[1,2,{}]} trailing")).isEqualTo(new GoJsonSyntax.Value(14));
        assertThat(scan("  123")).isEqualTo(new GoJsonSyntax.Value(5));
        assertThat(scan("\"s\"x")).isEqualTo(new GoJsonSyntax.Value(3));
        assertThat(scan("{\"a\":-1.5e+3,\"b\":[true,false,null],\"c\":\"\\u00e9\\n\"}"))
                .isInstanceOf(GoJsonSyntax.Value.class);
    }

    @Test
    void quote_char_escapes_like_strconv_quote() {
        assertThat(GoJsonSyntax.quoteChar('x')).isEqualTo("'x'");
        assertThat(GoJsonSyntax.quoteChar('"')).isEqualTo("'\"'");
        assertThat(GoJsonSyntax.quoteChar('\\')).isEqualTo("'\\\\'");
        assertThat(GoJsonSyntax.quoteChar(0x7f)).isEqualTo("'\\x7f'");
        assertThat(GoJsonSyntax.quoteChar(0x85)).isEqualTo("'\\u0085'");
        assertThat(GoJsonSyntax.quoteChar(0xe9)).isEqualTo("'é'");
    }
}
