package dev.pipewright.model.expr;

/**
 * One lexeme.
 *
 * @param text the lexeme as written
 * @param value for strings the decoded value (quotes removed, {@code ''} undone), else the text
 * @param start 0-based offset of the lexeme in the scanned text
 */
record Token(TokenKind kind, String text, String value, int start) {
  boolean is(TokenKind k) {
    return kind == k;
  }
}
