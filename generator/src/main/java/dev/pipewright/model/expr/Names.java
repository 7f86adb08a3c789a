package dev.pipewright.model.expr;

import java.util.regex.Pattern;

/** Identifier rules shared by rendering and scanning. */
final class Names {
  // GitHub's lexer: a letter or underscore, then letters, digits, '_' or '-' (ASCII only)
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

  private Names() {}

  static boolean isIdentifier(String text) {
    return IDENTIFIER.matcher(text).matches();
  }

  static boolean isIdentifierStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  }

  static boolean isIdentifierPart(char c) {
    return isIdentifierStart(c) || (c >= '0' && c <= '9') || c == '-';
  }
}
