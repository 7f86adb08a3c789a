package dev.pipewright.model.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits expression text into tokens following the rules of GitHub's own lexer
 * ({@code @actions/expressions}), so that what it accepts we read the same way.
 */
final class Lexer {
  // what JavaScript's Number() accepts, which is what GitHub's lexer checks numbers with;
  // hex/octal/binary only unsigned
  private static final Pattern NUMBER =
      Pattern.compile(
          "[+-]?(Infinity|([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?)"
              + "|0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+");

  private final String text;
  private final int end;
  private final List<Token> tokens = new ArrayList<>();
  private int offset;

  private Lexer(String text, int from, int to) {
    this.text = text;
    this.offset = from;
    this.end = to;
  }

  /** The tokens of {@code text}. */
  static List<Token> lex(String text) {
    return lex(text, 0, text.length());
  }

  /** The tokens of {@code text[from, to)}; positions stay relative to the whole text. */
  static List<Token> lex(String text, int from, int to) {
    Lexer lexer = new Lexer(text, from, to);
    lexer.run();
    return lexer.tokens;
  }

  private void run() {
    while (offset < end) {
      int start = offset;
      char c = text.charAt(offset++);
      switch (c) {
        case ' ', '\t', '\r', '\n' -> {}
        case '(' -> add(TokenKind.LEFT_PAREN, start);
        case ')' -> add(TokenKind.RIGHT_PAREN, start);
        case '[' -> add(TokenKind.LEFT_BRACKET, start);
        case ']' -> add(TokenKind.RIGHT_BRACKET, start);
        case ',' -> add(TokenKind.COMMA, start);
        case '*' -> add(TokenKind.STAR, start);
        case '.' -> {
          // a dot after something that can be dereferenced is member access, otherwise it
          // starts a number like .5
          if (previousIs(TokenKind.IDENTIFIER, TokenKind.RIGHT_BRACKET, TokenKind.RIGHT_PAREN, TokenKind.STAR)) {
            add(TokenKind.DOT, start);
          } else {
            number(start);
          }
        }
        case '-', '+' -> number(start);
        case '!' -> add(match('=') ? TokenKind.BANG_EQUAL : TokenKind.BANG, start);
        case '<' -> add(match('=') ? TokenKind.LESS_EQUAL : TokenKind.LESS, start);
        case '>' -> add(match('=') ? TokenKind.GREATER_EQUAL : TokenKind.GREATER, start);
        case '=' -> pair('=', TokenKind.EQUAL_EQUAL, start);
        case '&' -> pair('&', TokenKind.AND, start);
        case '|' -> pair('|', TokenKind.OR, start);
        case '\'' -> string(start);
        default -> {
          if (c >= '0' && c <= '9') {
            number(start);
          } else {
            identifier(start);
          }
        }
      }
    }
  }

  private void pair(char second, TokenKind kind, int start) {
    if (!match(second)) {
      throw error("unexpected symbol '" + text.charAt(start) + "' (did you mean '"
          + text.charAt(start) + second + "'?)", start);
    }
    add(kind, start);
  }

  private void number(int start) {
    while (offset < end && (!isBoundary(text.charAt(offset)) || text.charAt(offset) == '.')) {
      offset++;
    }
    String lexeme = text.substring(start, offset);
    if (!NUMBER.matcher(lexeme).matches()) {
      throw error("invalid number '" + lexeme + "'", start);
    }
    add(TokenKind.NUMBER, start);
  }

  private void string(int start) {
    StringBuilder value = new StringBuilder();
    while (true) {
      if (offset >= end) {
        throw error("unterminated string literal", start);
      }
      char c = text.charAt(offset++);
      if (c == '\'') {
        if (offset < end && text.charAt(offset) == '\'') {
          value.append('\'');
          offset++;
        } else {
          break;
        }
      } else {
        value.append(c);
      }
    }
    tokens.add(new Token(TokenKind.STRING, text.substring(start, offset), value.toString(), start));
  }

  private void identifier(int start) {
    while (offset < end && !isBoundary(text.charAt(offset))) {
      offset++;
    }
    String lexeme = text.substring(start, offset);
    if (!Names.isIdentifier(lexeme)) {
      throw error("unexpected symbol '" + lexeme + "'", start);
    }
    TokenKind kind = TokenKind.IDENTIFIER;
    // keywords are case-sensitive, and after a dot they are plain property names
    if (!previousIs(TokenKind.DOT)) {
      switch (lexeme) {
        case "true" -> kind = TokenKind.TRUE;
        case "false" -> kind = TokenKind.FALSE;
        case "null" -> kind = TokenKind.NULL;
        case "NaN", "Infinity" -> kind = TokenKind.NUMBER;
        default -> {}
      }
    }
    add(kind, start);
  }

  private boolean match(char expected) {
    if (offset < end && text.charAt(offset) == expected) {
      offset++;
      return true;
    }
    return false;
  }

  private boolean previousIs(TokenKind... kinds) {
    if (tokens.isEmpty()) {
      return false;
    }
    TokenKind previous = tokens.get(tokens.size() - 1).kind();
    for (TokenKind k : kinds) {
      if (previous == k) {
        return true;
      }
    }
    return false;
  }

  private void add(TokenKind kind, int start) {
    String lexeme = text.substring(start, offset);
    tokens.add(new Token(kind, lexeme, lexeme, start));
  }

  private ExpressionSyntaxException error(String problem, int position) {
    return new ExpressionSyntaxException(problem, position, text);
  }

  // where identifiers and numbers end; note that GitHub does not count '*' or '\'' as boundaries
  private static boolean isBoundary(char c) {
    return switch (c) {
      case '(', '[', ')', ']', ',', '.', '!', '>', '<', '=', '&', '|' -> true;
      default -> Character.isWhitespace(c) || Character.isSpaceChar(c);
    };
  }
}
