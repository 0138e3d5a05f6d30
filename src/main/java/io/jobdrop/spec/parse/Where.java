package io.jobdrop.spec.parse;

/**
 * Where a value is being decoded, in the two vocabularies that need it: jobdrop's field path with indexes and map keys
 * ({@code Tasks[0].Env.FOO}, for pointing at a line), and {@code encoding/json}'s error context, which only stacks
 * struct field names ({@code Tasks.Env}) and remembers the innermost struct type.
 */
record Where(String path, String goField, String goStruct) {

    static Where root(String goStruct) {
        return new Where("", "", goStruct);
    }

    Where field(String name, String structName) {
        return new Where(join(path, name), goField.isEmpty() ? name : goField + "." + name, structName);
    }

    Where index(int i) {
        return new Where(path + "[" + i + "]", goField, goStruct);
    }

    Where key(String key) {
        return new Where(join(path, key), goField, goStruct);
    }

    private static String join(String parent, String child) {
        return parent.isEmpty() ? child : parent + "." + child;
    }
}
