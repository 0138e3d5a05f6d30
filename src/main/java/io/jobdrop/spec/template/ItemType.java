package io.jobdrop.spec.template;

/** The kinds of token the template lexer produces (Go's parse.itemType); keywords come last, as in Go. */
enum ItemType {
    ERROR,
    BOOL,
    CHAR,
    CHAR_CONSTANT,
    COMMENT,
    COMPLEX,
    ASSIGN,
    DECLARE,
    EOF,
    FIELD,
    IDENTIFIER,
    LEFT_DELIM,
    LEFT_PAREN,
    NUMBER,
    PIPE,
    RAW_STRING,
    RIGHT_DELIM,
    RIGHT_PAREN,
    SPACE,
    STRING,
    TEXT,
    VARIABLE,
    BLOCK(true),
    BREAK(true),
    CONTINUE(true),
    DOT(true),
    DEFINE(true),
    ELSE(true),
    END(true),
    IF(true),
    NIL(true),
    RANGE(true),
    TEMPLATE(true),
    WITH(true);

    private final boolean keyword;

    ItemType() {
        this(false);
    }

    ItemType(boolean keyword) {
        this.keyword = keyword;
    }

    boolean isKeyword() {
        return keyword;
    }
}
