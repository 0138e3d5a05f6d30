package io.jobdrop.spec.go;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GoStringOrderTest {

    @Test
    void orders_characters_beyond_the_basic_plane_after_the_rest_unlike_java() {
        String replacement = "\uFFFD";
        String emoji = "😀";

        assertThat(replacement.compareTo(emoji)).isPositive();
        assertThat(GoStringOrder.compare(replacement, emoji)).isNegative();
    }

    @Test
    void puts_a_prefix_before_the_longer_string() {
        assertThat(GoStringOrder.compare("ab", "abc")).isNegative();
        assertThat(GoStringOrder.compare("abc", "ab")).isPositive();
        assertThat(GoStringOrder.compare("ab", "ab")).isZero();
    }

    @Test
    void sorts_as_go_sort_strings() {
        List<String> keys = new ArrayList<>(List.of("😀", "b", "\uFFFD", "B", "a"));

        keys.sort(GoStringOrder.BYTE_ORDER);

        assertThat(keys).containsExactly("B", "a", "b", "\uFFFD", "😀");
    }
}
