package io.jobdrop.spec.parse;

import java.util.function.BiConsumer;
import java.util.function.Function;

/** A struct field: its JSON name (the Go field name, or its {@code json} tag), its type, and the Java field behind it. */
record GoField(String name, GoType type, Function<Object, Object> get, BiConsumer<Object, Object> set) {

    static <T> GoField of(Class<T> owner, String name, GoType type, Function<T, Object> get, BiConsumer<T, Object> set) {
        return new GoField(name, type, o -> get.apply(owner.cast(o)), (o, v) -> set.accept(owner.cast(o), v));
    }

    /**
     * encoding/json's key matching: the exact name, or else the name ignoring ASCII case, where Go also takes the
     * Kelvin sign for {@code k} and the long s for {@code s}.
     */
    boolean matches(String key) {
        return foldEquals(key, name);
    }

    /** Whether {@code key} names the ASCII {@code name} the way encoding/json matches keys. */
    static boolean foldEquals(String key, String name) {
        if (key.equals(name)) {
            return true;
        }
        int i = 0;
        for (int j = 0; j < name.length(); j++) {
            if (i >= key.length()) {
                return false;
            }
            int cp = key.codePointAt(i);
            if (fold(cp) != fold(name.charAt(j))) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return i == key.length();
    }

    private static int fold(int cp) {
        if (cp == 0x212A) {
            return 'k';
        }
        if (cp == 0x017F) {
            return 's';
        }
        return cp < 0x80 ? Character.toLowerCase(cp) : cp;
    }
}
