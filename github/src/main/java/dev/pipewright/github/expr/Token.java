package dev.pipewright.github.expr;

/** A lexical token of a {@code ${{ }}} expression; {@code value} holds decoded literals. */
public record Token(Kind kind, String text, Object value, int offset) {
    /** Token kinds, as in GitHub's expression lexer. */
    public enum Kind {
        LPAREN,
        RPAREN,
        LBRACKET,
        RBRACKET,
        COMMA,
        DOT,
        STAR,
        BANG,
        NE,
        EQ,
        LT,
        LE,
        GT,
        GE,
        AND,
        OR,
        STRING,
        NUMBER,
        TRUE,
        FALSE,
        NULL,
        IDENT,
        EOF
    }
}
