package dev.pipewright.model.expr;

import dev.pipewright.github.expr.Lexer;

/** Identifier rules shared by rendering and scanning. */
final class Names {
    private Names() {}

    static boolean isIdentifier(String text) {
        // GitHub's lexer: a letter or underscore, then letters, digits, '_' or '-' (ASCII only)
        return Lexer.isIdentifier(text);
    }

    static boolean isIdentifierStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    static boolean isIdentifierPart(char c) {
        return isIdentifierStart(c) || (c >= '0' && c <= '9') || c == '-';
    }
}
