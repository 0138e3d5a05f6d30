package io.jobdrop.spec.template;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * index, slice and len (funcs.go). A missing map key indexes to "" rather than failing, which is what makes
 * {{or (index . "k") "default"}} work under missingkey=error. Strings are indexed and sliced by UTF-8 byte.
 */
final class Indexing {

    private Indexing() {
    }

    static Object index(Object item, List<Object> indexes) throws CallError {
        if (item == null) {
            throw new CallError("index of untyped nil");
        }
        for (Object index : indexes) {
            if (item instanceof String s) {
                byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
                int x = indexArg(index, bytes.length);
                if (x == bytes.length) {
                    throw new CallError("reflect: string index out of range");
                }
                item = new GoUint8(bytes[x] & 0xFF);
            } else if (item instanceof List<?> list) {
                int x = indexArg(index, list.size());
                if (x == list.size()) {
                    throw new CallError("reflect: slice index out of range");
                }
                item = list.get(x);
            } else if (item instanceof Map<?, ?> map) {
                if (index == null) {
                    throw new CallError("value is nil; should be of type string");
                }
                if (!(index instanceof String)) {
                    throw new CallError("value has type " + GoValues.typeName(index) + "; should be string");
                }
                Object value = map.get(index);
                item = value == null ? "" : value;
            } else {
                throw new CallError("can't index item of type " + GoValues.typeName(item));
            }
        }
        return item;
    }

    static Object slice(Object item, List<Object> indexes) throws CallError {
        if (item == null) {
            throw new CallError("slice of untyped nil");
        }
        if (indexes.size() > 3) {
            throw new CallError("too many slice indexes: " + indexes.size());
        }
        int length;
        if (item instanceof String s) {
            if (indexes.size() == 3) {
                throw new CallError("cannot 3-index slice a string");
            }
            length = GoStrings.utf8Length(s);
        } else if (item instanceof List<?> list) {
            length = list.size();
        } else {
            throw new CallError("can't slice item of type " + GoValues.typeName(item));
        }
        int[] idx = {0, length, 0};
        for (int i = 0; i < indexes.size(); i++) {
            idx[i] = indexArg(indexes.get(i), length);
        }
        if (idx[0] > idx[1]) {
            throw new CallError("invalid slice index: " + idx[0] + " > " + idx[1]);
        }
        if (indexes.size() == 3 && idx[1] > idx[2]) {
            throw new CallError("invalid slice index: " + idx[1] + " > " + idx[2]);
        }
        if (item instanceof String s) {
            return GoStrings.byteSlice(s, idx[0], idx[1]);
        }
        return new ArrayList<>(((List<?>) item).subList(idx[0], idx[1]));
    }

    static long length(Object item) throws CallError {
        if (item == null) {
            // Go formats the error with the type of a zero reflect.Value, which panics; the panic is the message
            throw new CallError("reflect: call of reflect.Value.Type on zero Value");
        }
        if (item instanceof String s) {
            return GoStrings.utf8Length(s);
        }
        if (item instanceof Map<?, ?> m) {
            return m.size();
        }
        if (item instanceof List<?> l) {
            return l.size();
        }
        throw new CallError("len of type " + GoValues.typeName(item));
    }

    private static int indexArg(Object index, int cap) throws CallError {
        long x;
        if (index instanceof Long l) {
            x = l;
        } else if (index instanceof GoUint8 b) {
            x = b.value();
        } else if (index == null) {
            throw new CallError("cannot index slice/array with nil");
        } else {
            throw new CallError("cannot index slice/array with type " + GoValues.typeName(index));
        }
        if (x < 0 || x > cap) {
            throw new CallError("index out of range: " + x);
        }
        return (int) x;
    }
}
