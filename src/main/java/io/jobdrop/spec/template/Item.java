package io.jobdrop.spec.template;

import io.jobdrop.spec.go.GoQuoting;

/** One token: its kind, its char offset in the template, its text and the line it starts on. */
record Item(ItemType type, int pos, String val, int line) {

    /** Go's item.String(), which parse errors quote ("unexpected \"}\" in operand"). */
    @Override
    public String toString() {
        if (type == ItemType.EOF) {
            return "EOF";
        }
        if (type == ItemType.ERROR) {
            return val;
        }
        if (type.isKeyword()) {
            return "<" + val + ">";
        }
        if (GoStrings.utf8Length(val) > 10) {
            // Go's %.10q: at most ten runes of the value, quoted
            int runes = Math.min(10, val.codePointCount(0, val.length()));
            return GoQuoting.quote(val.substring(0, val.offsetByCodePoints(0, runes))) + "...";
        }
        return GoQuoting.quote(val);
    }
}
