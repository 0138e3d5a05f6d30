package io.jobdrop.spec.parse;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class GoSyntaxTest {

    @Test
    void prints_interface_values_with_their_go_types() {
        Map<Object, Object> map = new LinkedHashMap<>();
        map.put("z", Arrays.asList(1L, null, 2.5, new BigInteger("18446744073709551615"), false));
        map.put("a", new LinkedHashMap<>(Map.of(1L, "one")));

        assertThat(GoSyntax.value(map)).isEqualTo("map[interface {}]interface {}{\"a\":map[interface {}]interface {}{1:\"one\"}, "
                + "\"z\":[]interface {}{1, interface {}(nil), 2.5, 0xffffffffffffffff, false}}");
        assertThat(GoSyntax.argument(null)).isEqualTo("<nil>");
        assertThat(GoSyntax.typeName(null)).isEqualTo("%!s(<nil>)");
        assertThat(GoSyntax.typeName(new BigInteger("1"))).isEqualTo("uint64");
    }
}
